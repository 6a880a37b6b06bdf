import { describe, expect, it } from 'vitest';
import { blocksToPlainText, renderBlocks, safeUrl, type RichText } from '../src';

const p = (...children: object[]): RichText => [{ type: 'paragraph', children }];
const t = (text: string, marks: object = {}) => ({ type: 'text', text, ...marks });

describe('renderBlocks', () => {
  it('renders every block type the editor offers', () => {
    const blocks: RichText = [
      { type: 'heading', level: 2, children: [t('Kop')] },
      {
        type: 'paragraph',
        children: [
          t('Vet', { bold: true }),
          t(' en '),
          t('schuin', { italic: true }),
          t(' '),
          t('code', { code: true }),
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [t('een')] },
          { type: 'list-item', children: [t('twee')] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [{ type: 'list-item', children: [t('eerst')] }],
      },
      { type: 'quote', children: [t('Samen staan we sterk.')] },
      { type: 'code', children: [t('npm start')] },
      {
        type: 'image',
        image: { url: '/uploads/zaal.jpg', alternativeText: 'Een zaal', width: 800, height: 450 },
        children: [t('')],
      },
      {
        type: 'paragraph',
        children: [
          t('Lees '),
          { type: 'link', url: 'https://example.org/a?b=1&c=2', children: [t('meer')] },
        ],
      },
    ];
    expect(renderBlocks(blocks, { mediaBaseUrl: 'https://cms.example.org' })).toBe(
      [
        '<h2>Kop</h2>',
        '<p><strong>Vet</strong> en <em>schuin</em> <code>code</code></p>',
        '<ul><li>een</li><li>twee</li></ul>',
        '<ol><li>eerst</li></ol>',
        '<blockquote><p>Samen staan we sterk.</p></blockquote>',
        '<pre><code>npm start</code></pre>',
        '<figure><img src="https://cms.example.org/uploads/zaal.jpg" alt="Een zaal" width="800" height="450" loading="lazy" decoding="async"></figure>',
        '<p>Lees <a href="https://example.org/a?b=1&amp;c=2">meer</a></p>',
      ].join('\n'),
    );
  });

  it('escapes markup in text: script and style tags and event handlers stay text', () => {
    const html = renderBlocks(
      p(t('<script>alert(1)</script><style>body{}</style><img src=x onerror="alert(2)">')),
    );
    expect(html).not.toMatch(/<script|<style|<img/);
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;body{}&lt;/style&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'file:///etc/passwd',
    'not a url',
  ])('drops the link but keeps the text for %j', (url) => {
    expect(renderBlocks(p({ type: 'link', url, children: [t('klik')] }))).toBe('<p>klik</p>');
  });

  it('keeps mailto, tel and site-relative links, absolute when a base URL is given', () => {
    const blocks = p(
      { type: 'link', url: 'mailto:info@example.org', children: [t('mail')] },
      { type: 'link', url: 'tel:0880767000', children: [t('bel')] },
      { type: 'link', url: '/agenda/', children: [t('agenda')] },
    );
    expect(renderBlocks(blocks)).toContain('<a href="/agenda/">agenda</a>');
    expect(renderBlocks(blocks, { baseUrl: 'https://hub.example.nl' })).toBe(
      '<p><a href="mailto:info@example.org">mail</a><a href="tel:0880767000">bel</a><a href="https://hub.example.nl/agenda/">agenda</a></p>',
    );
  });

  it('escapes attributes of images and drops images with unsafe sources', () => {
    const image = (url: string, alt: string) => [
      { type: 'image', image: { url, alternativeText: alt }, children: [] },
    ];
    expect(renderBlocks(image('https://cms.example.org/a.jpg', '" onload="alert(1)'))).toContain(
      'alt="&quot; onload=&quot;alert(1)" ',
    );
    expect(renderBlocks(image('javascript:alert(1)', 'x'))).toBe('');
    expect(renderBlocks(image('data:image/svg+xml,<svg onload=alert(1)>', 'x'))).toBe('');
  });

  it('never renders an h1 and keeps other heading levels', () => {
    const heading = (level: number) => ({ type: 'heading', level, children: [t(`h${level}`)] });
    expect(renderBlocks([heading(1), heading(2), heading(3), heading(6)])).toBe(
      '<h2>h1</h2>\n<h2>h2</h2>\n<h3>h3</h3>\n<h6>h6</h6>',
    );
  });

  it('drops unknown block types, control and bidi override characters', () => {
    expect(renderBlocks([{ type: 'iframe', url: 'https://evil.example' }])).toBe('');
    expect(renderBlocks(p(t('a\u0000b\u202Ec\u0007d')))).toBe('<p>abcd</p>');
  });

  it('turns soft line breaks into <br>', () => {
    expect(renderBlocks(p(t('regel 1\nregel 2')))).toBe('<p>regel 1<br>regel 2</p>');
  });

  it('handles very long text and odd input without failing', () => {
    const long = '<b>'.repeat(200_000);
    const html = renderBlocks(p(t(long)));
    expect(html.length).toBe('<p></p>'.length + '&lt;b&gt;'.length * 200_000);
    expect(renderBlocks(null)).toBe('');
    expect(
      renderBlocks([
        { type: 'paragraph' },
        { type: 'paragraph', children: [{ type: 'text', text: 42 }] },
      ] as never),
    ).toBe('<p></p>\n<p></p>');
  });
});

describe('safeUrl', () => {
  it('normalises allowed URLs', () => {
    expect(safeUrl('https://example.org')).toBe('https://example.org/');
    expect(safeUrl('  https://example.org/a b ')).toBe('https://example.org/a%20b');
  });
});

describe('blocksToPlainText', () => {
  it('keeps the words and separates blocks', () => {
    const blocks: RichText = [
      { type: 'heading', level: 2, children: [t('Kop')] },
      {
        type: 'paragraph',
        children: [t('Tekst met '), { type: 'link', url: 'https://x.nl', children: [t('link')] }],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [t('een')] },
          { type: 'list-item', children: [t('twee')] },
        ],
      },
    ];
    expect(blocksToPlainText(blocks)).toBe('Kop\n\nTekst met link\n\neen\ntwee');
  });
});
