import type { BlockNode, RichText } from '../types/content';
import { CONTENT_RULES, type ContentTypeKey, type FieldRef } from './content-rules';
import type { FieldIssue } from './find-content-issues';

/** What stands in the way of publishing (errors), and what an editor should look at (warnings). */
export interface PublishIssues {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

type Node = BlockNode & { children?: Node[] };

/** Link texts that say nothing about where the link goes, lower case, without punctuation. */
const VAGUE_LINK_TEXTS = new Set([
  'klik hier',
  'klik',
  'hier',
  'deze link',
  'link',
  'lees meer',
  'lees verder',
  'meer',
  'meer info',
  'meer informatie',
  'verder',
  'click here',
  'read more',
  'here',
]);

const BARE_URL = /^(https?:\/\/|www\.)\S+$/i;

export const accessibilityMessages = {
  imageWithoutAlt: (label: string, name: string) =>
    `De afbeelding "${name}" in "${label}" heeft geen alternatieve tekst. Geef de afbeelding in de Mediabibliotheek een korte beschrijving. Haal de afbeelding daarna uit de tekst en zet hem er opnieuw in.`,
  headingSkipsLevel: (label: string, heading: string, level: number, expected: number) =>
    `De kop "${heading}" in "${label}" is Kop ${level}, maar hier hoort hoogstens Kop ${expected}. Sla geen niveau over: kies Kop ${expected}.`,
  vagueLinkText: (label: string, text: string) =>
    `De link "${text}" in "${label}" zegt niet waar hij heen gaat. Schrijf in de linktekst waar de lezer komt, bijvoorbeeld "Lees het verslag van de bijeenkomst".`,
  bareUrlLinkText: (label: string, text: string) =>
    `De link in "${label}" toont alleen het webadres (${text}). Een schermlezer leest dat letter voor letter voor. Schrijf in de linktekst waar de lezer komt.`,
} as const;

const plainText = (node: Node): string =>
  node.type === 'text' ? String(node.text ?? '') : (node.children ?? []).map(plainText).join('');

/** Every link node in a tree of blocks. */
function linksIn(nodes: readonly Node[]): Node[] {
  return nodes.flatMap((node) => [
    ...(node.type === 'link' ? [node] : []),
    ...linksIn(node.children ?? []),
  ]);
}

/** The problems in one rich-text field, with the page title as the only h1 above it. */
export function findRichTextIssues(blocks: RichText | null | undefined, field: FieldRef) {
  const issues: PublishIssues = { errors: [], warnings: [] };
  if (!Array.isArray(blocks)) return issues;
  // The site shows a body's level-1 heading as an h2 (the page title is the h1), so the first
  // heading may be Kop 1 or Kop 2, and each next one at most one level deeper than the one before.
  let previousLevel = 1;
  for (const block of blocks as Node[]) {
    if (block.type === 'image') {
      const image = (block.image ?? {}) as { name?: unknown; alternativeText?: unknown };
      const alt = typeof image.alternativeText === 'string' ? image.alternativeText.trim() : '';
      if (!alt) {
        const name = typeof image.name === 'string' ? image.name : 'zonder naam';
        issues.errors.push({
          field: field.field,
          message: accessibilityMessages.imageWithoutAlt(field.label, name),
        });
      }
    }
    if (block.type === 'heading') {
      const level = Math.max(2, Math.min(6, Number(block.level) || 2));
      if (level > previousLevel + 1) {
        issues.errors.push({
          field: field.field,
          message: accessibilityMessages.headingSkipsLevel(
            field.label,
            plainText(block).trim(),
            level,
            previousLevel + 1,
          ),
        });
      }
      previousLevel = level;
    }
  }
  for (const link of linksIn(blocks as Node[])) {
    const text = plainText(link).trim();
    const words = text
      .toLowerCase()
      .replace(/[.:!?…»>→-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (VAGUE_LINK_TEXTS.has(words)) {
      issues.warnings.push({
        field: field.field,
        message: accessibilityMessages.vagueLinkText(field.label, text),
      });
    } else if (BARE_URL.test(text)) {
      issues.warnings.push({
        field: field.field,
        message: accessibilityMessages.bareUrlLinkText(field.label, text),
      });
    }
  }
  return issues;
}

/**
 * The accessibility checks that run when an entry is published: an image in the text without
 * alternative text, or a heading that skips a level, stops publication (errors); a vague link
 * text ("klik hier") or a bare web address as link text is a warning the admin shows.
 */
export function findPublishIssues(
  contentType: ContentTypeKey,
  data: Readonly<Record<string, unknown>>,
): PublishIssues {
  const issues: PublishIssues = { errors: [], warnings: [] };
  for (const field of CONTENT_RULES[contentType].richText ?? []) {
    const found = findRichTextIssues(data[field.field] as RichText | undefined, field);
    issues.errors.push(...found.errors);
    issues.warnings.push(...found.warnings);
  }
  return issues;
}
