import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths';
import { measureNode, type Measured } from './measure';

/**
 * Builds a bare Astro project with `pages` minimal pages (one dynamic route, no data, no images)
 * with the same Astro as the site: the yardstick the site's build is compared with.
 */
export async function buildBareAstro(pages: number): Promise<Measured> {
  const dir = path.join(repoRoot, 'bench', `.bare-${pages}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "export default { build: { format: 'directory' } };\n",
  );
  fs.writeFileSync(
    path.join(dir, 'src', 'pages', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
---
<html lang="nl"><head><title>Pagina {n}</title></head><body><h1>Pagina {n}</h1><p>Een korte tekst.</p></body></html>
`,
  );
  try {
    return await measureNode([path.join(repoRoot, 'node_modules', 'astro', 'astro.js'), 'build'], {
      cwd: dir,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
