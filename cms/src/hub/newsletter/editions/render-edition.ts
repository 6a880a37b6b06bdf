import mjml2html from 'mjml';
import { escapeHtml } from '@hub/shared';
import { LINK_MARKS, type EditionMail } from './edition-mail';
import { editionMjml } from './edition-mjml';
import { editionText } from './edition-text';

/** A rendered mail with the stand-ins for the subscriber's links still in it. */
export interface RenderedEdition {
  subject: string;
  html: string;
  text: string;
}

/** A subscriber's own links. */
export interface SubscriberLinks {
  unsubscribeUrl: string;
  manageUrl: string;
}

/**
 * Renders a mail to HTML (MJML) and text. `fonts: {}` keeps MJML from linking web fonts (a
 * request to a third party when the mail is opened); strict validation makes a mistake in our
 * template fail the test instead of sending a broken mail.
 */
export async function renderEdition(mail: EditionMail): Promise<RenderedEdition> {
  const { html, errors } = await mjml2html(editionMjml(mail), {
    validationLevel: 'strict',
    fonts: {},
    keepComments: false,
  });
  if (errors.length > 0) {
    throw new Error(`The newsletter template is not valid MJML: ${errors[0]?.message ?? ''}`);
  }
  return { subject: mail.subject, html, text: editionText(mail) };
}

/** The mail for one subscriber: their own unsubscribe and manage links put in. */
export function personalise(rendered: RenderedEdition, links: SubscriberLinks): RenderedEdition {
  const put = (text: string, escape: (value: string) => string) =>
    text
      .replaceAll(LINK_MARKS.unsubscribe, escape(links.unsubscribeUrl))
      .replaceAll(LINK_MARKS.manage, escape(links.manageUrl));
  return {
    subject: rendered.subject,
    html: put(rendered.html, escapeHtml),
    text: put(rendered.text, (value) => value),
  };
}
