import { CONTENT_RULES, MAX_SUMMARY_LENGTH, type ContentTypeKey } from './content-rules';
import { messages } from './messages';

/** One problem with one field, in words an editor understands. */
export interface FieldIssue {
  /** Attribute name in the CMS schema. */
  field: string;
  /** Dutch (B1) explanation of the problem and how to solve it. */
  message: string;
}

/** What the CMS knows about an image attached to an entry. */
export interface AttachedImage {
  /** File name as shown in the Media Library. */
  name: string;
  /** The image's alternative text; empty or missing means none. */
  alternativeText?: string | null;
}

/**
 * True when a value holds nothing an editor wrote: missing, whitespace only, an empty list,
 * or rich-text blocks without any text or image.
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node.type === 'image') return false;
    if ('text' in node) return isBlank(node.text);
    if ('children' in node) return isBlank(node.children);
    // Relation payloads ({ connect: [...] }, { set: [...] }) and media objects count as filled
    // when they name at least one target.
    const targets = node.connect ?? node.set;
    if (targets !== undefined) return isBlank(targets);
    return Object.keys(node).length === 0;
  }
  return false;
}

/** Length in characters as a reader counts them (an emoji is one, not two). */
function visibleLength(text: string): number {
  return Array.from(text).length;
}

function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Checks an entry against the editorial rules of its content type and returns every problem
 * found (an empty list when the entry is fine). `data` is the complete entry as it will be
 * stored; `images` maps each image field to the attached file, or null when none is attached.
 */
export function findContentIssues(
  contentType: ContentTypeKey,
  data: Readonly<Record<string, unknown>>,
  images: Readonly<Record<string, AttachedImage | null>> = {},
): FieldIssue[] {
  const rules = CONTENT_RULES[contentType];
  const issues: FieldIssue[] = [];

  for (const { field, label } of rules.required) {
    if (isBlank(data[field])) issues.push({ field, message: messages.required(label) });
  }

  if (rules.summary) {
    const text = data[rules.summary.field];
    if (typeof text === 'string' && visibleLength(text) > MAX_SUMMARY_LENGTH) {
      issues.push({
        field: rules.summary.field,
        message: messages.summaryTooLong(rules.summary.label, visibleLength(text)),
      });
    }
  }

  if (rules.period) {
    const { start, end } = rules.period;
    const startValue = data[start.field];
    const endValue = data[end.field];
    const startDate = parseDate(startValue);
    const endDate = parseDate(endValue);
    if (!isBlank(startValue) && !startDate) {
      issues.push({ field: start.field, message: messages.invalidDate(start.label) });
    }
    if (!isBlank(endValue) && !endDate) {
      issues.push({ field: end.field, message: messages.invalidDate(end.label) });
    }
    if (startDate && endDate && endDate.getTime() < startDate.getTime()) {
      issues.push({ field: end.field, message: messages.endBeforeStart(end.label, start.label) });
    }
  }

  if (rules.schedule) {
    const { publish, unpublish } = rules.schedule;
    for (const { field, label } of [publish, unpublish]) {
      if (!isBlank(data[field]) && !parseDate(data[field])) {
        issues.push({ field, message: messages.invalidDate(label) });
      }
    }
    const publishOn = parseDate(data[publish.field]);
    const unpublishOn = parseDate(data[unpublish.field]);
    if (publishOn && unpublishOn && unpublishOn.getTime() <= publishOn.getTime()) {
      issues.push({
        field: unpublish.field,
        message: messages.unpublishNotAfterPublish(unpublish.label, publish.label),
      });
    }
  }

  for (const { field, label } of rules.images) {
    const image = images[field];
    if (image && isBlank(image.alternativeText)) {
      issues.push({ field, message: messages.missingAltText(label, image.name) });
    }
  }

  return issues;
}
