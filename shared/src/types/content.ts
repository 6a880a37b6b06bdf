import type {
  ActionStatus,
  ActivityType,
  EventStatus,
  EvidenceLevel,
  PartnerCategory,
} from '../enums';

/**
 * Domain types of the hub: the normalised view of CMS content that the site's pages, feeds and
 * calendars read. Only the site's loader and mappers know the CMS's REST shape.
 */

/** A rich-text document as Strapi's blocks editor stores it; rendered by our own renderer. */
export type RichText = readonly BlockNode[];

/** One node of a blocks document (paragraph, heading, list, quote, code, image, link or text). */
export interface BlockNode {
  /** Node kind, e.g. "paragraph", "heading", "list", "text". */
  type: string;
  /** Further fields depend on the kind (level, format, url, text, bold, image, ...). */
  [key: string]: unknown;
}

/** An image with everything needed to show it accessibly. */
export interface Image {
  /** Absolute URL of the original file. */
  url: string;
  /** Alternative text; required by the CMS for every image an editor attaches. */
  alt: string;
  /** Width of the original in pixels. */
  width: number;
  /** Height of the original in pixels. */
  height: number;
  /** MIME type, e.g. image/jpeg. */
  mime?: string;
  /** File size in bytes (for feed enclosures). */
  bytes?: number;
}

/** A taxonomy term: theme, target group, stadsdeel or wijk. */
export interface Term {
  /** Display name. */
  name: string;
  /** URL-safe identifier, unique within its taxonomy. */
  slug: string;
}

/** A link to another published item: enough to name it and point to its page. */
export interface ItemRef {
  /** Headline or name. */
  title: string;
  /** URL-safe identifier of the item within its type. */
  slug: string;
}

/** A stadsdeel with its wijken. */
export interface District extends Term {
  /** The wijken of this stadsdeel. */
  neighbourhoods: readonly Term[];
}

/** Fields every published item shares. */
export interface PublishedItem {
  /** Stable CMS identifier across drafts and versions; used for calendar UIDs. */
  id: string;
  /** Headline. */
  title: string;
  /** URL-safe identifier, unique per type. */
  slug: string;
  /** Plain-text summary of at most 300 characters. */
  summary: string;
  /** Moment of (first) publication. */
  publishedAt: Date;
  /** Moment of the last change. */
  updatedAt: Date;
}

/** A news article (nieuwsbericht). */
export interface Article extends PublishedItem {
  /** Date shown above the article and used for ordering: the editor's date or the publication date. */
  date: Date;
  /** Full text. */
  body: RichText;
  /** Image shown above the article, if any. */
  cover?: Image;
  /** Name of the writer, if given. */
  author?: string;
  /** Themes the article is about. */
  themes: readonly Term[];
  /** Stadsdelen the article is about. */
  districts: readonly Term[];
  /** Good practices the article refers to. */
  relatedPractices: readonly ItemRef[];
  /** Events the article refers to. */
  relatedEvents: readonly ItemRef[];
}

/** Contact details of a good practice or partner. */
export interface Contact {
  /** Contact person or desk. */
  name?: string;
  /** E-mail address. */
  email?: string;
  /** Phone number as written for people. */
  phone?: string;
  /** Web page with more information. */
  website?: string;
}

/** Where something takes place. */
export interface Location {
  /** Name of the building or place, e.g. "Buurthuis Malberg". */
  venue?: string;
  /** Street and house number. */
  street?: string;
  /** Dutch postcode, e.g. "6215 AB". */
  postcode?: string;
  /** City, usually Maastricht. */
  city?: string;
  /** The stadsdeel, when known. */
  district?: Term;
}

/** A good practice (goed voorbeeld): an initiative against loneliness. */
export interface GoodPractice extends PublishedItem {
  /** Full description. */
  body: RichText;
  /** Kind of activity. */
  activityType: ActivityType;
  /** How the initiative works. */
  approach: RichText;
  /** What it has achieved. */
  results: RichText;
  /** How well its effect is known (Movisie levels). */
  evidenceLevel: EvidenceLevel;
  /** Groups it is meant for. */
  targetGroups: readonly Term[];
  /** Themes. */
  themes: readonly Term[];
  /** Stadsdelen where it runs. */
  districts: readonly Term[];
  /** Wijken where it runs. */
  neighbourhoods: readonly Term[];
  /** Partners that run it. */
  organisations: readonly Term[];
  /** Where it takes place. */
  location?: Location;
  /** Whom to contact. */
  contact?: Contact;
  /** Illustration. */
  image?: Image;
  /** Year it started. */
  startYear?: number;
}

/** An event in the agenda (activiteit). Times are absolute; show them in Europe/Amsterdam. */
export interface HubEvent extends PublishedItem {
  /** Full description. */
  body: RichText;
  /** Start moment. */
  startsAt: Date;
  /** End moment, if known; never before the start. */
  endsAt?: Date;
  /** Physical location, if any. */
  location?: Location;
  /** Link for online participation. */
  onlineUrl?: string;
  /** Link to register. */
  registrationUrl?: string;
  /** Price in words, e.g. "Gratis" or "€ 3,50 inclusief koffie". */
  cost?: string;
  /** Notes on access: wheelchair, hearing loop, quiet room. */
  accessibilityNotes?: string;
  /** Whether it takes place as announced. */
  status: EventStatus;
  /** The organising partner. */
  organiser?: Term;
  /** Stadsdeel of the location, when known (for "In jouw wijk"). */
  district?: Term;
  /** Themes. */
  themes: readonly Term[];
  /** Illustration. */
  image?: Image;
}

/** A free page such as "Over de coalitie", "Toegankelijkheid" or "Privacy". */
export interface Page {
  /** Stable CMS identifier. */
  id: string;
  /** Page title. */
  title: string;
  /** URL-safe identifier; the page lives at /<slug>/. */
  slug: string;
  /** Optional introduction. */
  summary?: string;
  /** Content. */
  body: RichText;
  /** Moment of the last change. */
  updatedAt: Date;
}

/** A link in the site footer. */
export interface FooterLink {
  /** Link text. */
  label: string;
  /** Site-relative path or absolute URL. */
  url: string;
}

/** Site-wide settings edited in the CMS. */
export interface SiteSettings {
  /** Name of the site, e.g. "Samen tegen eenzaamheid in Maastricht". */
  siteName: string;
  /** Introduction on the home page. */
  intro: string;
  /** Help lines shown on every page. */
  helplines: readonly Helpline[];
  /** E-mail address for questions. */
  contactEmail?: string;
  /** Phone number for questions. */
  contactPhone?: string;
  /** Links in the footer. */
  footerLinks: readonly FooterLink[];
}

/** A member organisation of the coalition. */
export interface Partner {
  /** Stable CMS identifier. */
  id: string;
  /** Organisation name. */
  name: string;
  /** URL-safe identifier. */
  slug: string;
  /** Kind of organisation. */
  category: PartnerCategory;
  /** What the organisation does for the coalition. */
  description: RichText;
  /** Logo. */
  logo?: Image;
  /** Home page. */
  website?: string;
  /** True for the partners that lead the plan of activities with the municipality. */
  isKartrekker: boolean;
  /** Whom to contact. */
  contact?: Contact;
}

/** One action of the coalition's stappenplan. */
export interface Action {
  /** Stable CMS identifier. */
  id: string;
  /** What will be done. */
  title: string;
  /** URL-safe identifier. */
  slug: string;
  /** Explanation. */
  description: RichText;
  /** Partners leading this action (trekkers). */
  leads: readonly Term[];
  /** Period in words, e.g. "voorjaar 2025". */
  period?: string;
  /** Progress. */
  progress: ActionStatus;
  /** Position in the stappenplan; lower comes first. */
  order: number;
}

/** A help line shown on every page. */
export interface Helpline {
  /** Name, e.g. "De Luisterlijn". */
  name: string;
  /** Phone number as written for people. */
  phone?: string;
  /** When it can be reached, e.g. "dag en nacht". */
  hours?: string;
  /** Web page. */
  url?: string;
  /** One sentence on what it offers. */
  description?: string;
}
