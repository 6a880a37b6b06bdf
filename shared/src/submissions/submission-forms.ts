import { ACTIVITY_TYPES } from '../enums';

/** What the public can propose: a good practice or an activity (an event). */
export type SubmissionKind = 'good-practice' | 'event';

/** How a field is entered and checked. */
export type SubmissionFieldType = 'text' | 'longtext' | 'email' | 'url' | 'datetime' | 'choice';

/**
 * One field of a submission form. The site renders the form from this, and the CMS checks what
 * arrives against the same description, so the two can never disagree.
 */
export interface SubmissionField {
  /** Form field name and JSON key. */
  name: string;
  /** Dutch label (B1). */
  label: string;
  /** Dutch hint shown under the label (B1), if any. */
  hint?: string;
  type: SubmissionFieldType;
  required: boolean;
  /**
   * Longest value accepted, in UTF-16 code units: as Strapi's maxLength and the browser's
   * maxlength count, so an emoji counts as 2 (see `submissionTextLength`).
   */
  maxLength: number;
  /** The values a 'choice' field accepts. */
  choices?: readonly string[];
  /** The browser's autocomplete token, for fields about the person who fills in the form. */
  autocomplete?: string;
}

/** One submission form: its fields in the order they are shown and checked. */
export interface SubmissionForm {
  kind: SubmissionKind;
  /** Dutch title of the form page. */
  title: string;
  /** Dutch introduction above the form (B1): what happens with what someone sends. */
  intro: string;
  /** Path of the form page on the site. */
  path: string;
  /** Where the form is posted: the CMS endpoint, on the site's own origin. */
  endpoint: string;
  fields: readonly SubmissionField[];
}

/**
 * Where submissions are posted: the CMS's endpoints, which the site's web server passes on from
 * the site's own origin (followed by `good-practices`, `events` or `token`).
 */
export const SUBMISSIONS_API_PATH = '/api/submissions/';
/** Path of the site's page that thanks someone for a submission. */
export const SUBMISSION_THANKS_PATH = '/bedankt/';
/** Name of the honeypot field: hidden from people, filled in by robots. */
export const SUBMISSION_HONEYPOT_FIELD = 'homepage';
/** Name of the field that carries the CMS's signed form token (see the submission endpoints). */
export const SUBMISSION_TOKEN_FIELD = 'formToken';
/** Largest request body the submission endpoints read, in bytes (the fields need far less). */
export const SUBMISSION_MAX_BODY_BYTES = 32 * 1024;

const submitterFields: readonly SubmissionField[] = [
  {
    name: 'submitterName',
    label: 'Je naam',
    type: 'text',
    required: true,
    maxLength: 100,
    autocomplete: 'name',
  },
  {
    name: 'submitterEmail',
    label: 'Je e-mailadres',
    hint: 'Alleen de redactie ziet dit. We mailen je als we een vraag hebben.',
    type: 'email',
    required: true,
    maxLength: 254,
    autocomplete: 'email',
  },
  {
    name: 'submitterOrganisation',
    label: 'Je organisatie',
    type: 'text',
    required: false,
    maxLength: 200,
    autocomplete: 'organization',
  },
];

const description: SubmissionField = {
  name: 'description',
  label: 'Vertel er meer over',
  hint: 'Hoe gaat het in zijn werk? Wie kan meedoen?',
  type: 'longtext',
  required: false,
  maxLength: 4000,
};

const place: SubmissionField = {
  name: 'place',
  label: 'Waar is het?',
  hint: 'Een adres of een wijk. Bijvoorbeeld: Buurthuis Malberg.',
  type: 'text',
  required: false,
  maxLength: 160,
};

/** "Meld een goed voorbeeld aan". */
export const GOOD_PRACTICE_SUBMISSION: SubmissionForm = {
  kind: 'good-practice',
  title: 'Meld een goed voorbeeld aan',
  intro:
    'Doe je iets tegen eenzaamheid in Maastricht? Of ken je een mooi initiatief? Vertel het ons. De redactie leest je aanmelding en zet het voorbeeld daarna op de website.',
  path: '/meld-een-goed-voorbeeld/',
  endpoint: `${SUBMISSIONS_API_PATH}good-practices`,
  fields: [
    {
      name: 'title',
      label: 'Naam van het initiatief',
      hint: 'Bijvoorbeeld: Koffie-ochtend in de buurt.',
      type: 'text',
      required: true,
      maxLength: 160,
    },
    {
      name: 'summary',
      label: 'Korte beschrijving',
      hint: 'In een of twee zinnen: wat doe je, en voor wie?',
      type: 'longtext',
      required: true,
      maxLength: 300,
    },
    description,
    {
      name: 'activityType',
      label: 'Soort activiteit',
      type: 'choice',
      required: true,
      maxLength: 60,
      choices: ACTIVITY_TYPES,
    },
    place,
    {
      name: 'website',
      label: 'Website',
      hint: 'Begin met https://',
      type: 'url',
      required: false,
      maxLength: 255,
    },
    ...submitterFields,
  ],
};

/** "Meld een activiteit aan". */
export const EVENT_SUBMISSION: SubmissionForm = {
  kind: 'event',
  title: 'Meld een activiteit aan',
  intro:
    'Organiseer je een activiteit waar mensen elkaar ontmoeten? Meld hem hier aan. De redactie leest je aanmelding en zet de activiteit daarna in de agenda.',
  path: '/meld-een-activiteit/',
  endpoint: `${SUBMISSIONS_API_PATH}events`,
  fields: [
    {
      name: 'title',
      label: 'Naam van de activiteit',
      hint: 'Bijvoorbeeld: Samen eten in Heer.',
      type: 'text',
      required: true,
      maxLength: 160,
    },
    {
      name: 'summary',
      label: 'Korte beschrijving',
      hint: 'In een of twee zinnen: wat gaat er gebeuren, en voor wie?',
      type: 'longtext',
      required: true,
      maxLength: 300,
    },
    description,
    {
      name: 'startsAt',
      label: 'Begint op',
      hint: 'Datum en tijd in Maastricht.',
      type: 'datetime',
      required: true,
      maxLength: 19,
    },
    {
      name: 'endsAt',
      label: 'Eindigt op',
      type: 'datetime',
      required: false,
      maxLength: 19,
    },
    place,
    {
      name: 'website',
      label: 'Website of pagina om je aan te melden',
      hint: 'Begin met https://',
      type: 'url',
      required: false,
      maxLength: 255,
    },
    {
      name: 'cost',
      label: 'Kosten',
      hint: 'Bijvoorbeeld: gratis, of 2,50 euro.',
      type: 'text',
      required: false,
      maxLength: 120,
    },
    ...submitterFields,
  ],
};

/** Both forms, by kind. */
export const SUBMISSION_FORMS: Readonly<Record<SubmissionKind, SubmissionForm>> = {
  'good-practice': GOOD_PRACTICE_SUBMISSION,
  event: EVENT_SUBMISSION,
};
