import type {
  ActionStatus,
  ActivityType,
  EventStatus,
  EvidenceLevel,
  PartnerCategory,
} from '@hub/shared';

/**
 * Shapes of the demo content. Text is written in Dutch at B1 level; the seed turns it into
 * CMS documents (rich text becomes Strapi blocks, slugs point at other demo items).
 */

/** Keys of the images in cms/seed-images/ (see images.ts for their files and alt texts). */
export type DemoImageKey =
  'meeting' | 'shared-meal' | 'walking-group' | 'living-room' | 'phone-call' | 'neighbourhood';

/**
 * A piece of rich text: a plain string is a paragraph; the objects are a heading, a bulleted
 * or numbered list, or a quote. Paragraph strings may hold links as `[text](https://...)`.
 */
export type DemoBlock =
  | string
  | { heading: string; level?: 2 | 3 }
  | { list: string[]; ordered?: boolean }
  | { quote: string };

/**
 * A moment in Europe/Amsterdam wall-clock time: either a fixed date, or a number of days from
 * the day the seed runs (so upcoming demo events stay upcoming).
 */
export type DemoMoment =
  | { date: string; time: string } // date 'YYYY-MM-DD', time 'HH:mm'
  | { daysFromSeed: number; time: string };

/** Contact details of a good practice or partner. */
export interface DemoContact {
  name?: string;
  email?: string;
  phone?: string;
  website?: string;
}

/** Where something takes place; `district` is a stadsdeel slug. */
export interface DemoLocation {
  venue?: string;
  street?: string;
  postcode?: string;
  city?: string;
  district?: string;
}

/** A news article. */
export interface DemoArticle {
  slug: string;
  title: string;
  /** At most 300 characters. */
  summary: string;
  /** Date shown above the article ('YYYY-MM-DD'); also orders the news list. */
  date: string;
  author?: string;
  body: DemoBlock[];
  cover?: DemoImageKey;
  /** Theme slugs (see shared/src/taxonomy/themes.ts). */
  themes: string[];
  /** Stadsdeel slugs (see shared/src/taxonomy/districts.ts). */
  districts: string[];
  relatedPractices?: string[];
  relatedEvents?: string[];
}

/** A good practice. */
export interface DemoGoodPractice {
  slug: string;
  title: string;
  summary: string;
  body: DemoBlock[];
  activityType: ActivityType;
  /** Target group slugs. */
  targetGroups: string[];
  themes: string[];
  districts: string[];
  /** Wijk names exactly as in shared/src/taxonomy/districts.ts. */
  neighbourhoods: string[];
  /** Partner slugs. */
  organisations: string[];
  approach: DemoBlock[];
  results: DemoBlock[];
  evidenceLevel: EvidenceLevel;
  contact?: DemoContact;
  location?: DemoLocation;
  image?: DemoImageKey;
  startYear?: number;
}

/** An event in the agenda. */
export interface DemoEvent {
  slug: string;
  title: string;
  summary: string;
  body: DemoBlock[];
  startsAt: DemoMoment;
  endsAt?: DemoMoment;
  location?: DemoLocation;
  onlineUrl?: string;
  /** Partner slug. */
  organiser?: string;
  registrationUrl?: string;
  cost?: string;
  accessibilityNotes?: string;
  /** Named eventStatus because `status` is reserved by Strapi's draft & publish. */
  eventStatus: EventStatus;
  themes: string[];
  image?: DemoImageKey;
}

/** A coalition partner. */
export interface DemoPartner {
  slug: string;
  name: string;
  category: PartnerCategory;
  description: DemoBlock[];
  website?: string;
  isKartrekker: boolean;
  contact?: DemoContact;
}

/** An action of the stappenplan. */
export interface DemoAction {
  slug: string;
  title: string;
  description: DemoBlock[];
  /** Partner slugs. */
  leads: string[];
  period: string;
  progress: ActionStatus;
  order: number;
}

/** A free page. */
export interface DemoPage {
  slug: string;
  title: string;
  summary?: string;
  body: DemoBlock[];
}

/** The site settings single type. */
export interface DemoSite {
  siteName: string;
  intro: string;
  helplines: { name: string; phone?: string; hours?: string; url?: string; description?: string }[];
  contactEmail?: string;
  contactPhone?: string;
  footerLinks: { label: string; url: string }[];
}
