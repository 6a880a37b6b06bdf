import {
  escapeHtml,
  MAASTRICHT_DISTRICTS,
  NEWSLETTER_PARTS,
  type NewsletterChoices,
} from '@hub/shared';

/** A mail to one subscriber: subject, plain text and the same as simple HTML. */
export interface SubscriberMail {
  subject: string;
  text: string;
  html: string;
}

/** The choices in words: "Nieuws en Agenda, uit heel Maastricht". */
export function choicesInWords(choices: NewsletterChoices): string {
  const labels = NEWSLETTER_PARTS.filter(({ part }) => choices.parts.includes(part)).map(
    ({ label }) => label,
  );
  const list =
    labels.length > 1 ? `${labels.slice(0, -1).join(', ')} en ${labels.at(-1)}` : (labels[0] ?? '');
  const district = MAASTRICHT_DISTRICTS.find((entry) => entry.slug === choices.district);
  return `${list}, ${district ? `uit stadsdeel ${district.name} en over heel Maastricht` : 'uit heel Maastricht'}`;
}

/**
 * Paragraphs as plain text and as HTML. Each paragraph is text or a link on a line of its own;
 * the HTML has no images, no styles from elsewhere and no tracking: links go straight to the
 * site.
 */
function mail(
  subject: string,
  paragraphs: (string | { link: string; label: string })[],
): SubscriberMail {
  const text = paragraphs
    .map((paragraph) =>
      typeof paragraph === 'string' ? paragraph : `${paragraph.label}:\n${paragraph.link}`,
    )
    .join('\n\n');
  const body = paragraphs
    .map((paragraph) =>
      typeof paragraph === 'string'
        ? `<p>${escapeHtml(paragraph)}</p>`
        : `<p><a href="${escapeHtml(paragraph.link)}">${escapeHtml(paragraph.label)}</a></p>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 18px; line-height: 1.6; color: #1b1b1b;">
${body}
</body>
</html>`;
  return { subject, text, html };
}

/** The double opt-in: one link, valid 48 hours; nothing happens if nobody clicks it. */
export function confirmationMail(
  siteName: string,
  choices: NewsletterChoices,
  confirmUrl: string,
): SubscriberMail {
  return mail('Bevestig je aanmelding voor de nieuwsbrief', [
    'Hallo,',
    `Iemand heeft dit e-mailadres aangemeld voor de nieuwsbrief van ${siteName}. Was jij dat? Klik dan op de link hieronder. Pas dan is je aanmelding klaar.`,
    `Je hebt gekozen voor: ${choicesInWords(choices)}.`,
    { label: 'Bevestig je aanmelding', link: confirmUrl },
    'De link werkt 48 uur.',
    'Heb je je niet aangemeld? Dan hoef je niets te doen. Je krijgt dan geen nieuwsbrief, en we wissen dit e-mailadres binnen 48 uur.',
  ]);
}

/** For an address that is subscribed already: no second entry, but a way to change or leave. */
export function alreadySubscribedMail(
  siteName: string,
  manageUrl: string,
  unsubscribeUrl: string,
): SubscriberMail {
  return mail('Je bent al aangemeld voor de nieuwsbrief', [
    'Hallo,',
    `Iemand wilde dit e-mailadres aanmelden voor de nieuwsbrief van ${siteName}. Maar je bent al aangemeld. Er verandert dus niets.`,
    { label: 'Wil je iets anders krijgen? Kies het hier', link: manageUrl },
    { label: 'Wil je de nieuwsbrief niet meer? Meld je hier af', link: unsubscribeUrl },
    'Was jij het niet? Dan hoef je niets te doen.',
  ]);
}
