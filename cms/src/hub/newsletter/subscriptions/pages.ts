import {
  escapeHtml,
  NEWSLETTER_PAGE_PATH,
  newsletterFormHtml,
  type NewsletterFormState,
} from '@hub/shared';
import { sharedStyles, siteLookPage } from '../../submissions/responses';

/** A whole page in the site's look (see siteLookPage), with the newsletter form's styles. */
export const newsletterPage = (title: string, siteName: string, main: string): string =>
  siteLookPage(
    title,
    siteName,
    main,
    sharedStyles(['global.css', 'submission-form.css', 'newsletter-form.css']),
  );

/** Text, each string a paragraph. */
const paragraphs = (texts: readonly string[]) =>
  texts.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');

/** A form with one button that posts to `action` (confirming or leaving: never on a GET). */
const buttonForm = (action: string, label: string, quiet = false) =>
  `<form class="newsletter-action" method="post" action="${escapeHtml(action)}">` +
  `<button class="button${quiet ? ' button--quiet' : ''}" type="submit">${escapeHtml(label)}</button></form>`;

const backToSite = `<p><a href="/">Naar de voorpagina</a></p>`;

/** A page with a heading, some text and, if given, more HTML (a link, a button). */
export function messagePage(
  siteName: string,
  title: string,
  texts: readonly string[],
  more = backToSite,
): string {
  return newsletterPage(
    title,
    siteName,
    `<h1>${escapeHtml(title)}</h1>\n${paragraphs(texts)}\n${more}`,
  );
}

/** The sign-up form again, as filled in, with its problems or a notice and a fresh token. */
export function signupFormPage(siteName: string, state: NewsletterFormState): string {
  return newsletterPage(
    'Aanmelden voor de nieuwsbrief',
    siteName,
    `<h1>Aanmelden voor de nieuwsbrief</h1>\n${newsletterFormHtml('page', state)}`,
  );
}

/** One problem that stopped a form before it could be read; Back keeps what was filled in. */
export function formStoppedPage(siteName: string, message: string, linkToForm: boolean): string {
  const wayBack = linkToForm
    ? `<p>Ga naar <a href="${NEWSLETTER_PAGE_PATH}">de nieuwsbrief</a> op onze website en meld je daar aan.</p>`
    : `<p>Ga met de knop <strong>Terug</strong> van je browser terug naar het formulier. Wat je al had ingevuld, staat er dan nog.</p>`;
  return newsletterPage(
    'Het formulier is niet verstuurd',
    siteName,
    `<h1>Het formulier is niet verstuurd</h1>
<div class="form-message form-message--error"><p>${escapeHtml(message)}</p></div>
${wayBack}`,
  );
}

/** The confirmation link's page: one button, so a mail scanner that opens links confirms nothing. */
export const confirmPromptPage = (siteName: string, action: string) =>
  messagePage(
    siteName,
    'Bevestig je aanmelding',
    ['Wil je de nieuwsbrief krijgen? Klik dan op de knop. Pas dan is je aanmelding klaar.'],
    buttonForm(action, 'Ja, ik wil de nieuwsbrief'),
  );

export const confirmedPage = (siteName: string, choices: string, manageUrl: string) =>
  messagePage(
    siteName,
    'Je aanmelding is klaar',
    [
      'Bedankt! Je krijgt vanaf nu de nieuwsbrief.',
      `Je hebt gekozen voor: ${choices}.`,
      'In elke nieuwsbrief staat onderaan een link om je af te melden.',
    ],
    `<p><a href="${escapeHtml(manageUrl)}">Kies wat je krijgt, of meld je af</a></p>\n${backToSite}`,
  );

export const linkExpiredPage = (siteName: string) =>
  messagePage(
    siteName,
    'Deze link werkt niet meer',
    [
      'Een link om je aanmelding te bevestigen werkt 48 uur. Deze link is ouder, of je aanmelding is al gewist.',
      'Wil je de nieuwsbrief toch krijgen? Meld je dan opnieuw aan.',
    ],
    `<p><a href="${NEWSLETTER_PAGE_PATH}">Opnieuw aanmelden voor de nieuwsbrief</a></p>`,
  );

export const wrongLinkPage = (siteName: string) =>
  messagePage(
    siteName,
    'Deze link klopt niet',
    [
      'We kunnen deze link niet lezen. Misschien is hij niet helemaal overgenomen. Kopieer de hele link uit de e-mail en probeer het opnieuw.',
    ],
    `<p><a href="${NEWSLETTER_PAGE_PATH}">Naar de nieuwsbrief</a></p>`,
  );

export const unsubscribePromptPage = (siteName: string, action: string, manageUrl: string) =>
  messagePage(
    siteName,
    'Afmelden voor de nieuwsbrief',
    [
      'Wil je de nieuwsbrief niet meer krijgen? Klik dan op de knop. We wissen je e-mailadres meteen.',
    ],
    `${buttonForm(action, 'Ja, meld me af')}\n<p>Wil je liever iets anders krijgen? <a href="${escapeHtml(manageUrl)}">Kies wat je krijgt</a>.</p>`,
  );

export const unsubscribedPage = (siteName: string) =>
  messagePage(
    siteName,
    'Je bent afgemeld',
    ['Je krijgt de nieuwsbrief niet meer. We hebben je e-mailadres gewist.'],
    `<p>Toch weer de nieuwsbrief? <a href="${NEWSLETTER_PAGE_PATH}">Meld je opnieuw aan</a>.</p>`,
  );

export const alreadyGonePage = (siteName: string) =>
  messagePage(
    siteName,
    'Je bent al afgemeld',
    ['Dit e-mailadres staat niet (meer) op de lijst voor de nieuwsbrief. Je krijgt hem dus niet.'],
    `<p>Toch weer de nieuwsbrief? <a href="${NEWSLETTER_PAGE_PATH}">Meld je opnieuw aan</a>.</p>`,
  );

/** The subscriber's own page: change the parts and the stadsdeel, or leave. */
export function managePage(
  siteName: string,
  state: NewsletterFormState & { action: string },
  unsubscribeAction: string,
): string {
  return newsletterPage(
    'Je nieuwsbrief',
    siteName,
    `<h1>Je nieuwsbrief</h1>
<p>Hier kies je wat je in de nieuwsbrief krijgt.</p>
${newsletterFormHtml('manage', state)}
<h2>Afmelden</h2>
<p>Wil je de nieuwsbrief niet meer krijgen? We wissen je e-mailadres meteen.</p>
${buttonForm(unsubscribeAction, 'Meld me af', true)}`,
  );
}
