import { MAX_SUMMARY_LENGTH } from './content-rules';

/**
 * Dutch (B1) messages for editors. One function per problem, so the wording lives in one place
 * and tests can compare against it.
 */
export const messages = {
  required: (label: string) => `Vul het veld "${label}" in.`,
  summaryTooLong: (label: string, length: number) =>
    `"${label}" is ${length} tekens lang. Maak de tekst korter: het mogen er maximaal ${MAX_SUMMARY_LENGTH} zijn.`,
  invalidDate: (label: string) => `"${label}" is geen geldige datum en tijd.`,
  endBeforeStart: (endLabel: string, startLabel: string) =>
    `"${endLabel}" ligt vóór "${startLabel}". Kies een einde dat na het begin ligt.`,
  unpublishNotAfterPublish: (unpublishLabel: string, publishLabel: string) =>
    `"${unpublishLabel}" ligt niet na "${publishLabel}". Kies een moment dat later is, of maak een van de twee leeg.`,
  missingAltText: (label: string, fileName: string) =>
    `De afbeelding "${fileName}" bij "${label}" heeft geen alternatieve tekst. Open de afbeelding in de Mediabibliotheek en beschrijf in een korte zin wat erop staat.`,
  slugTaken: (slug: string) =>
    `De slug "${slug}" is al in gebruik. Kies een andere, of maak het veld leeg: dan maken wij er zelf een.`,
  slugInvalid: (slug: string) =>
    `De slug "${slug}" mag alleen kleine letters, cijfers en streepjes bevatten, bijvoorbeeld "koffie-in-de-wijk".`,
  slugUnderivable: (label: string) =>
    `Er kan geen slug gemaakt worden: "${label}" bevat geen letters of cijfers.`,
  summaryOfProblems: (count: number) =>
    count === 1
      ? 'Er is 1 probleem. Pas het aan en sla opnieuw op.'
      : `Er zijn ${count} problemen. Pas ze aan en sla opnieuw op.`,
} as const;
