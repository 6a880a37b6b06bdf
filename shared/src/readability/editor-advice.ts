import { blocksToPlainText } from '../rich-text/render-blocks';
import type { RichText } from '../types/content';
import { findPublishIssues, type PublishIssues } from '../validation/accessibility';
import { CONTENT_RULES, contentTypeKeyOf, type ContentTypeKey } from '../validation/content-rules';
import { scoreReadability, type Readability } from './readability';

/** What the admin's panel tells an editor about the entry being written. */
export interface EditorAdvice {
  readability: Readability;
  accessibility: PublishIssues;
}

/** Content types whose entries get the panel: those with rich text written for readers. */
export function advisedContentType(uid: string): ContentTypeKey | null {
  const key = contentTypeKeyOf(uid);
  return key && CONTENT_RULES[key].richText ? key : null;
}

/**
 * The text readers get, as one plain text: the title and summary as sentences of their own,
 * then each rich-text field.
 */
export function readableText(
  contentType: ContentTypeKey,
  values: Readonly<Record<string, unknown>>,
): string {
  const rules = CONTENT_RULES[contentType];
  const asText = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const parts = [
    asText(values[rules.slugSource?.field ?? 'title']),
    asText(values[rules.summary?.field ?? 'summary']),
    ...(rules.richText ?? []).map((field) =>
      blocksToPlainText(values[field.field] as RichText | undefined),
    ),
  ];
  return parts.filter(Boolean).join('\n\n');
}

/** The readability of an entry and the accessibility problems it would meet at publication. */
export function adviseEditor(
  contentType: ContentTypeKey,
  values: Readonly<Record<string, unknown>>,
): EditorAdvice {
  return {
    readability: scoreReadability(readableText(contentType, values)),
    accessibility: findPublishIssues(contentType, values),
  };
}
