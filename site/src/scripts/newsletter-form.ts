// Runs in the browser. The shared workspace is imported from its TypeScript sources: its built
// form is CommonJS, which the browser bundle cannot take.
import {
  NEWSLETTER_API_PATH,
  NEWSLETTER_FIELDS,
  validateNewsletterSignup,
} from '@hub/shared/src/newsletter/newsletter-signup';
import {
  newsletterFormHtml,
  type NewsletterFormVariant,
} from '@hub/shared/src/newsletter/newsletter-form-html';

/** What the CMS says when asked for a form token. */
interface TokenAnswer {
  open: boolean;
  token?: string;
  minFillSeconds?: number;
  message?: string;
}

/** One request per page at most, and only once someone starts on a form. */
let asked: Promise<TokenAnswer & { at: number }> | undefined;
function askForToken(): Promise<TokenAnswer & { at: number }> {
  asked ??= fetch(`${NEWSLETTER_API_PATH}token`, { cache: 'no-store' })
    .then(async (answer) => ({ ...((await answer.json()) as TokenAnswer), at: Date.now() }))
    // Without a token the CMS asks to check the form and send it again: nothing is lost.
    .catch(() => ({ open: true, at: Date.now() }));
  return asked;
}

/** What was filled in: the address, the ticked parts and the stadsdeel. */
function filledIn(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    email: text(NEWSLETTER_FIELDS.email),
    parts: data.getAll(NEWSLETTER_FIELDS.parts).filter((part) => typeof part === 'string'),
    district: text(NEWSLETTER_FIELDS.district),
    [NEWSLETTER_FIELDS.honeypot]: text(NEWSLETTER_FIELDS.honeypot),
  };
}

/** Says in place of the form that sign-up is closed (no mail server), before anyone types on. */
function showClosed(form: HTMLFormElement, message: string) {
  const notice = document.createElement('div');
  notice.className = 'form-message';
  notice.setAttribute('role', 'status');
  notice.textContent = message;
  form.replaceWith(notice);
}

/** A link in the summary of problems puts the cursor in its field (not only scrolls to it). */
function focusFieldOfLink(event: MouseEvent) {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href^="#nb-"]');
  const field = link && document.getElementById(link.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
}

/**
 * Checks the form before it is sent, with the same check the CMS makes, and fills in a form
 * token asked for when someone first starts on the form (so pages that are only read ask the
 * CMS for nothing). With problems, the form is shown again with each beside its field and a
 * summary that gets the focus; without, the browser sends the form as it would without this
 * script, once the token is old enough for the CMS.
 */
function enhance(form: HTMLFormElement) {
  const variant = form.dataset.newsletterForm as NewsletterFormVariant;
  const start = () => {
    void askForToken().then((answer) => {
      if (!answer.open && answer.message) showClosed(form, answer.message);
    });
  };
  form.addEventListener('focusin', start, { once: true });
  form.addEventListener('click', focusFieldOfLink);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = filledIn(form);
    const result = validateNewsletterSignup(values);
    // The robot trap is the CMS's to judge: a filled-in one is sent on unchecked.
    if (!result.ok && !values[NEWSLETTER_FIELDS.honeypot]) {
      const template = document.createElement('template');
      template.innerHTML = newsletterFormHtml(variant, { values, errors: result.errors });
      const shown = template.content.firstElementChild;
      if (!(shown instanceof HTMLFormElement)) return;
      form.replaceWith(shown);
      enhance(shown);
      shown.querySelector<HTMLElement>('[data-form-message]')?.focus();
      return;
    }
    void askForToken().then((answer) => {
      if (!answer.open && answer.message) return showClosed(form, answer.message);
      const tokenInput = form.elements.namedItem(NEWSLETTER_FIELDS.token);
      if (tokenInput instanceof HTMLInputElement && answer.token) tokenInput.value = answer.token;
      // The CMS refuses a token younger than a few seconds (robots are fast); people with a
      // filled-in address can be too.
      const wait = Math.max(
        0,
        (answer.minFillSeconds ?? 0) * 1000 + 250 - (Date.now() - answer.at),
      );
      window.setTimeout(() => form.submit(), answer.token ? wait : 0);
    });
  });
}

/** Makes every newsletter sign-up form on the page check itself before it is sent. */
export function enhanceNewsletterForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-newsletter-form]')) {
    if (form.dataset.newsletterForm !== 'manage') enhance(form);
  }
}
