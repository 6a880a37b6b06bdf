import type { BlockNode, RichText } from '../types/content';
import { escapeHtml, stripUnsafeCharacters } from './escape-html';
import { safeUrl } from './safe-url';

/** Options of {@link renderBlocks}. */
export interface RenderOptions {
  /** Makes root-relative links and image URLs absolute (feeds need that). */
  baseUrl?: string;
  /** Base URL of the CMS, for its relative media URLs ("/uploads/..."). */
  mediaBaseUrl?: string;
  /** Highest heading level the body may use; the page title is the h1, so 2 by default. */
  topHeadingLevel?: number;
  /**
   * Replaces an image's CMS URL with the site's own copy (the site makes no request to the
   * CMS or any other origin). Returning undefined keeps the URL.
   */
  imageSrc?: (cmsUrl: string) => string | undefined;
}

type Node = BlockNode & { children?: Node[] };

/** The URLs of all images in a blocks document, made absolute with `mediaBaseUrl`. */
export function blockImageUrls(
  blocks: RichText | null | undefined,
  mediaBaseUrl: string,
): string[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as Node[])
    .filter((block) => block.type === 'image')
    .map((block) => (block.image as { url?: unknown } | undefined)?.url)
    .filter((url): url is string => typeof url === 'string')
    .map((url) => new URL(url, mediaBaseUrl).toString());
}

const text = (value: unknown) =>
  escapeHtml(stripUnsafeCharacters(typeof value === 'string' ? value : '')).replace(/\n/g, '<br>');

function renderInline(node: Node, options: RenderOptions): string {
  if (node.type === 'text') {
    let html = text(node.text);
    if (node.code) html = `<code>${html}</code>`;
    if (node.bold) html = `<strong>${html}</strong>`;
    if (node.italic) html = `<em>${html}</em>`;
    if (node.underline) html = `<u>${html}</u>`;
    if (node.strikethrough) html = `<s>${html}</s>`;
    return html;
  }
  const content = renderInlines(node.children, options);
  if (node.type === 'link') {
    const href = safeUrl(node.url, options.baseUrl);
    return href ? `<a href="${escapeHtml(href)}">${content}</a>` : content;
  }
  return content;
}

function renderInlines(children: Node[] | undefined, options: RenderOptions): string {
  return Array.isArray(children)
    ? children.map((child) => renderInline(child, options)).join('')
    : '';
}

function renderList(node: Node, options: RenderOptions): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  const items = (node.children ?? []).map((child) =>
    child.type === 'list'
      ? renderList(child, options)
      : `<li>${renderInlines(child.children, options)}</li>`,
  );
  return `<${tag}>${items.join('')}</${tag}>`;
}

function renderImage(node: Node, options: RenderOptions): string {
  const image = (node.image ?? {}) as Record<string, unknown>;
  const cmsUrl =
    typeof image.url === 'string' && image.url.startsWith('/') && options.mediaBaseUrl
      ? new URL(image.url, options.mediaBaseUrl).toString()
      : image.url;
  const src = safeUrl(
    (typeof cmsUrl === 'string' && options.imageSrc?.(cmsUrl)) || cmsUrl,
    options.baseUrl,
  );
  if (!src || !/^https?:|^\//.test(src)) return '';
  const size = ['width', 'height']
    .filter((key) => Number.isInteger(image[key]))
    .map((key) => ` ${key}="${String(image[key])}"`)
    .join('');
  const alt = text(image.alternativeText);
  const caption =
    typeof image.caption === 'string' && image.caption.trim()
      ? `<figcaption>${text(image.caption)}</figcaption>`
      : '';
  return `<figure><img src="${escapeHtml(src)}" alt="${alt}"${size} loading="lazy" decoding="async">${caption}</figure>`;
}

function renderBlock(node: Node, options: RenderOptions): string {
  const top = options.topHeadingLevel ?? 2;
  switch (node.type) {
    case 'paragraph':
      return `<p>${renderInlines(node.children, options)}</p>`;
    case 'heading': {
      // An h1 in the body becomes an h2: the page title is the only h1.
      const level = Math.min(6, Math.max(top, Number(node.level) || top));
      return `<h${level}>${renderInlines(node.children, options)}</h${level}>`;
    }
    case 'list':
      return renderList(node, options);
    case 'quote':
      return `<blockquote><p>${renderInlines(node.children, options)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${(node.children ?? []).map((child) => text(child.text)).join('')}</code></pre>`;
    case 'image':
      return renderImage(node, options);
    default:
      // Unknown block types (a future editor feature) are left out rather than guessed at.
      return '';
  }
}

/**
 * Renders Strapi blocks to HTML. Pure and safe by construction: all text is escaped, only the
 * block types the editor offers are rendered, links are limited to http(s), mailto and tel,
 * and headings start at `topHeadingLevel`, so the body never competes with the page's h1.
 */
export function renderBlocks(
  blocks: RichText | null | undefined,
  options: RenderOptions = {},
): string {
  if (!Array.isArray(blocks)) return '';
  return (blocks as Node[]).map((block) => renderBlock(block, options)).join('\n');
}

/** The plain text of a blocks document (for search snippets, JSON-LD and calendar descriptions). */
export function blocksToPlainText(blocks: RichText | null | undefined): string {
  if (!Array.isArray(blocks)) return '';
  const collect = (node: Node): string =>
    node.type === 'text'
      ? stripUnsafeCharacters(String(node.text ?? ''))
      : (node.children ?? []).map(collect).join('');
  return (blocks as Node[])
    .map((block) =>
      block.type === 'list' ? (block.children ?? []).map(collect).join('\n') : collect(block),
    )
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n');
}
