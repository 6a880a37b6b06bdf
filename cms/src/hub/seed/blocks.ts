import type { DemoBlock } from './demo/types';

type TextNode = { type: 'text'; text: string };
type LinkNode = { type: 'link'; url: string; children: TextNode[] };
type InlineNode = TextNode | LinkNode;

const LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+|\/[^)\s]*)\)/g;

/** Splits a paragraph with `[text](url)` links into Strapi's inline text and link nodes. */
export function toInlineNodes(paragraph: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of paragraph.matchAll(LINK)) {
    const [whole, text = '', url = ''] = match;
    if (match.index > last) nodes.push({ type: 'text', text: paragraph.slice(last, match.index) });
    nodes.push({ type: 'link', url, children: [{ type: 'text', text }] });
    last = match.index + whole.length;
  }
  if (last < paragraph.length || nodes.length === 0)
    nodes.push({ type: 'text', text: paragraph.slice(last) });
  return nodes;
}

/** Converts demo rich text into the block structure of Strapi's blocks editor. */
export function toStrapiBlocks(blocks: readonly DemoBlock[]): unknown[] {
  return blocks.map((block) => {
    if (typeof block === 'string') return { type: 'paragraph', children: toInlineNodes(block) };
    if ('heading' in block) {
      return { type: 'heading', level: block.level ?? 2, children: toInlineNodes(block.heading) };
    }
    if ('list' in block) {
      return {
        type: 'list',
        format: block.ordered ? 'ordered' : 'unordered',
        children: block.list.map((item) => ({ type: 'list-item', children: toInlineNodes(item) })),
      };
    }
    return { type: 'quote', children: toInlineNodes(block.quote) };
  });
}
