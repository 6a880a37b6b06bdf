import type { ContentTypeKey } from '../validation/content-rules';
import type { BuildFailureKind, BuildWarning, WarningItem } from './build-report';

/**
 * The words editors read about builds (the admin's "Publicatie" widget, the document panel and
 * the failure mail), in Dutch at B1: what went wrong, and what they can do about it.
 */

/** Why the site was not updated, and what to do. */
export interface Explanation {
  /** Follows "Niet bijgewerkt: " (lower case, no full stop). */
  reason: string;
  /** One or two short sentences. */
  advice: string;
}

const CALL_ADMIN = 'Blijft het mislukken? Neem dan contact op met de technisch beheerder.';

const FAILURES: Record<BuildFailureKind, Explanation> = {
  'cms-unreachable': {
    reason: 'het beheersysteem was even niet bereikbaar',
    advice:
      'De site probeert het opnieuw bij de volgende wijziging. Staat uw stuk er over 10 minuten ' +
      `nog niet op? Publiceer het dan nog een keer. ${CALL_ADMIN}`,
  },
  'cms-refused': {
    reason: 'de site mocht het beheersysteem niet lezen, omdat de sleutel niet meer klopt',
    advice: 'Neem contact op met de technisch beheerder. Die kan de sleutel vernieuwen.',
  },
  content: {
    reason: 'van de inhoud kon geen pagina worden gemaakt',
    advice: `Kijk of het laatste stuk dat u publiceerde helemaal goed is ingevuld. ${CALL_ADMIN}`,
  },
  images: {
    reason: 'een afbeelding kon niet worden verwerkt',
    advice:
      'Kijk of de laatste afbeelding die u gebruikte een gewone JPG- of PNG-foto is. Vervang ' +
      `hem anders en publiceer opnieuw. ${CALL_ADMIN}`,
  },
  checks: {
    reason: 'bij de controle van de nieuwe site zijn fouten gevonden',
    advice: `Publiceer later nog een keer. ${CALL_ADMIN}`,
  },
  'site-bucket': {
    reason: 'de nieuwe site kon niet naar de webserver worden gekopieerd',
    advice: `De site probeert het vanzelf opnieuw, binnen 10 minuten. ${CALL_ADMIN}`,
  },
  timeout: {
    reason: 'het bijwerken duurde te lang',
    advice: `Publiceer over een paar minuten nog een keer. ${CALL_ADMIN}`,
  },
  unknown: {
    reason: 'er ging iets mis bij het bijwerken',
    advice: `Publiceer over een paar minuten nog een keer. ${CALL_ADMIN}`,
  },
};

/** Why a build failed, in words for editors. */
export function explainFailure(kind: BuildFailureKind): Explanation {
  return FAILURES[kind] ?? FAILURES.unknown;
}

/** The name of a content type in a sentence ("nieuwsbericht"). */
const TYPE_NAMES: Partial<Record<ContentTypeKey, string>> = {
  article: 'nieuwsbericht',
  'good-practice': 'goed voorbeeld',
  event: 'activiteit',
  partner: 'partner',
  action: 'actie',
  page: 'pagina',
};

/** A content type in words for editors ("nieuwsbericht"); "stuk" for types without a name. */
export function typeName(type: ContentTypeKey): string {
  return TYPE_NAMES[type] ?? 'stuk';
}

/** What a warning is about, in one line: "Een afbeelding ontbreekt: wandeling.jpg". */
export function warningTitle(warning: BuildWarning): string {
  return `Een afbeelding ontbreekt: ${warning.file}`;
}

/** What the build did about it, and what editors can do. */
export function warningAdvice(warning: BuildWarning): string {
  return warning.items.length > 1
    ? "De pagina's staan online zonder deze afbeelding. Upload de afbeelding opnieuw en kies hem bij deze stukken."
    : 'De pagina staat online zonder deze afbeelding. Upload de afbeelding opnieuw en kies hem bij dit stuk.';
}

/** An item a warning names, as a reader finds it: "Wandelen in Malberg (nieuwsbericht)". */
export function warningItemText(item: WarningItem): string {
  return `${item.title} (${typeName(item.type)})`;
}

/**
 * A warning in a few sentences, for text without links: "Een afbeelding ontbreekt:
 * wandeling.jpg. Gebruikt in: Wandelen in Malberg (nieuwsbericht). De pagina staat ...".
 */
export function explainWarning(warning: BuildWarning): string {
  const items = warning.items.map(warningItemText).join(', ');
  const used = items ? ` Gebruikt in: ${items}.` : '';
  return `${warningTitle(warning)}.${used} ${warningAdvice(warning)}`;
}
