import type { SubmissionKind, SubmissionValues } from '@hub/shared';

const text = (values: SubmissionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** Plain text as rich-text paragraphs: one per block of lines, line breaks kept as text. */
export function plainTextBlocks(plain: string | undefined): unknown[] {
  return (plain ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }));
}

/**
 * The draft a checked submission becomes: only fields the form describes, as plain text (the
 * site escapes every text it shows), marked as submitted, with who sent it in the `submitter`
 * component, which the site never reads. Never a status, a publication date, a slug or a
 * relation: those stay the editors' choice.
 */
export function submissionDraft(
  kind: SubmissionKind,
  values: SubmissionValues,
  submittedAt: Date,
): Record<string, unknown> {
  const place = text(values, 'place');
  const website = text(values, 'website');
  const common = {
    title: text(values, 'title'),
    summary: text(values, 'summary'),
    body: plainTextBlocks(text(values, 'description')),
    ...(place ? { location: { venue: place } } : {}),
    submitted: true,
    submitter: {
      name: text(values, 'submitterName'),
      email: text(values, 'submitterEmail'),
      organisation: text(values, 'submitterOrganisation') ?? null,
      submittedAt: submittedAt.toISOString(),
    },
  };
  if (kind === 'good-practice') {
    return {
      ...common,
      activityType: text(values, 'activityType'),
      ...(website ? { contact: { website } } : {}),
    };
  }
  const { startsAt, endsAt } = values;
  return {
    ...common,
    startsAt: startsAt instanceof Date ? startsAt.toISOString() : undefined,
    ...(endsAt instanceof Date ? { endsAt: endsAt.toISOString() } : {}),
    ...(website ? { registrationUrl: website } : {}),
    ...(text(values, 'cost') ? { cost: text(values, 'cost') } : {}),
    eventStatus: 'gepland',
  };
}
