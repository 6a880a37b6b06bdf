import type { Core } from '@strapi/strapi';
import type { SubmissionKind } from '@hub/shared';
import { SUBMISSION_FORMS } from '@hub/shared';

/** What a notice says about a new submission: only what the editors need to find it. */
export interface NewSubmission {
  kind: SubmissionKind;
  uid: string;
  documentId: string;
  title: string;
}

const KIND_NAMES: Record<SubmissionKind, string> = {
  'good-practice': 'goed voorbeeld',
  event: 'activiteit',
};

/**
 * The e-mail to the editors about a new submission. It names the title and links to the draft
 * in the admin; who sent it in stays in the CMS, so it is not kept in mailboxes after the
 * retention period has wiped it there.
 */
export function submissionNotice(submission: NewSubmission, adminUrl: string) {
  const kind = KIND_NAMES[submission.kind];
  const link = `${adminUrl.replace(/\/$/, '')}/content-manager/collection-types/${submission.uid}/${submission.documentId}`;
  return {
    subject: `Nieuwe aanmelding (${kind}): ${submission.title}`,
    text: [
      `Via het formulier "${SUBMISSION_FORMS[submission.kind].title}" op de website is een ${kind} aangemeld:`,
      '',
      submission.title,
      '',
      'Het staat als concept in het beheer, met het vinkje "Ingezonden". Bekijk het hier:',
      link,
      '',
      'Niets wordt gepubliceerd voordat een redacteur dat doet.',
    ].join('\n'),
  };
}

/**
 * Mails the editors (SUBMISSION_NOTIFY_TO) about a new submission through Strapi's e-mail
 * plugin, when a mail server is configured (SMTP_HOST). A mail that cannot be sent is logged and
 * never affects the submission, which is stored already.
 */
export async function notifyEditors(
  strapi: Core.Strapi,
  recipients: string[],
  submission: NewSubmission,
): Promise<void> {
  if (recipients.length === 0) return;
  const adminUrl = String(strapi.config.get('admin.absoluteUrl') ?? '/admin');
  try {
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: recipients, ...submissionNotice(submission, adminUrl) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    strapi.log.warn(`[hub] The editors could not be mailed about a new submission: ${message}`);
  }
}
