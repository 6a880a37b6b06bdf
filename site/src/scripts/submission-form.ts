// Runs in the browser. The shared workspace is imported from its TypeScript sources: its built
// form is CommonJS, which the browser bundle cannot take.
import {
  SUBMISSION_FORMS,
  SUBMISSION_TOKEN_FIELD,
  SUBMISSIONS_API_PATH,
  type SubmissionKind,
} from '@hub/shared/src/submissions/submission-forms';
import { validateSubmission } from '@hub/shared/src/submissions/validate-submission';
import { submissionFormHtml } from '@hub/shared/src/submissions/submission-form-html';

/** A fresh form token from the CMS (through the site's own address), or '' when it is away. */
async function fetchFormToken(): Promise<string> {
  try {
    const answer = await fetch(`${SUBMISSIONS_API_PATH}token`, { cache: 'no-store' });
    const { token } = (await answer.json()) as { token?: unknown };
    return answer.ok && typeof token === 'string' ? token : '';
  } catch {
    // Without a token the CMS asks to check the form and send it again: nothing is lost.
    return '';
  }
}

/** What was filled in, by field name. */
function filledIn(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** A link in the summary of problems puts the cursor in its field (not only scrolls to it). */
function focusFieldOfLink(event: MouseEvent) {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href^="#veld-"]');
  const field = link && document.getElementById(link.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
}

/**
 * Checks the form before it is sent, with the same check the CMS makes. With problems, the form
 * is shown again with each problem beside its field and a summary above it, which gets the
 * focus; without, the browser sends the form as it would without this script.
 */
function enhance(form: HTMLFormElement, token: string) {
  const kind = form.dataset.submissionForm as SubmissionKind;
  const description = Object.hasOwn(SUBMISSION_FORMS, kind) ? SUBMISSION_FORMS[kind] : undefined;
  if (!description) return;
  const tokenInput = form.elements.namedItem(SUBMISSION_TOKEN_FIELD);
  if (tokenInput instanceof HTMLInputElement && token) tokenInput.value = token;
  form.addEventListener('click', focusFieldOfLink);
  form.addEventListener('submit', (event) => {
    const values = filledIn(form);
    const result = validateSubmission(description, values);
    if (result.ok) return;
    event.preventDefault();
    const template = document.createElement('template');
    template.innerHTML = submissionFormHtml(description, { values, errors: result.errors, token });
    const shown = template.content.firstElementChild;
    if (!(shown instanceof HTMLFormElement)) return;
    form.replaceWith(shown);
    enhance(shown, token);
    shown.querySelector<HTMLElement>('[data-form-message]')?.focus();
  });
}

/** Makes every submission form on the page check itself before it is sent. */
export async function enhanceSubmissionForms(): Promise<void> {
  const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-submission-form]')];
  if (forms.length === 0) return;
  const token = await fetchFormToken();
  for (const form of forms) enhance(form, token);
}
