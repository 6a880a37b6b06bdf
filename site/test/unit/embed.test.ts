import { describe, expect, it } from 'vitest';
import { embedCode } from '../../src/lib/embed';

describe('embedCode', () => {
  it('is an iframe with the address and a title for screen readers, loaded when scrolled to', () => {
    expect(embedCode('https://hub.example.nl/insluiten/agenda/zuid/', 'Activiteiten in Zuid')).toBe(
      '<iframe src="https://hub.example.nl/insluiten/agenda/zuid/" title="Activiteiten in Zuid" style="width: 100%; height: 600px; border: 1px solid #8a97a3;" loading="lazy"></iframe>',
    );
  });

  it('escapes a partner name that holds quotes or markup', () => {
    const code = embedCode('https://hub.example.nl/x/', 'Activiteiten van "De Brug" <b>');
    expect(code).toContain('title="Activiteiten van &quot;De Brug&quot; &lt;b&gt;"');
    expect(code.match(/</g)).toHaveLength(2);
  });
});
