/**
 * Closed value lists of the content model. The CMS schemas use exactly these values
 * (a CMS test compares them), so the site and the scripts can rely on them.
 * Values are the Dutch words editors see in the admin; they double as display labels.
 */

/** Kinds of activity a good practice can be (BRIEF.md, "Typical types"). */
export const ACTIVITY_TYPES = [
  'huiskamer of ontmoetingsplek',
  'eettafel of sociaal restaurant',
  'maatjesproject',
  'buurtnetwerk',
  'huisbezoek',
  'wandelgroep',
  'cursus of gespreksgroep',
  'lief-en-leedstraat',
  'digitale ontmoeting',
  'anders',
] as const;
/** One kind of activity of a good practice. */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Movisie's levels of evidence, plus "not assessed" for practices nobody has judged yet. */
export const EVIDENCE_LEVELS = [
  'niet beoordeeld',
  'goed beschreven',
  'goed onderbouwd',
  'effectief',
] as const;
/** How well the effect of a good practice is known. */
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** Whether an event takes place as announced. */
export const EVENT_STATUSES = ['gepland', 'vol', 'geannuleerd', 'verplaatst'] as const;
/** Status of one event; `geannuleerd` becomes STATUS:CANCELLED in calendars. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Categories of coalition partners. */
export const PARTNER_CATEGORIES = [
  'gemeente',
  'woningcorporatie',
  'maatschappelijke organisatie',
  'vereniging',
  'buurtnetwerk',
  'stichting',
  'bedrijf',
  'zorg en welzijn',
  'onderwijs',
  'anders',
] as const;
/** Category of one coalition partner. */
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

/** Progress of an action in the coalition's stappenplan. */
export const ACTION_STATUSES = ['gepland', 'bezig', 'klaar', 'gestopt'] as const;
/** Status of one stappenplan action. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];
