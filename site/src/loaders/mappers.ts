import {
  ACTION_STATUSES,
  ACTIVITY_TYPES,
  EVENT_STATUSES,
  EVIDENCE_LEVELS,
  PARTNER_CATEGORIES,
  type Action,
  type Article,
  type Contact,
  type District,
  type GoodPractice,
  type HubEvent,
  type Image,
  type ItemRef,
  type Location,
  type Page,
  type Partner,
  type RichText,
  type SiteSettings,
  type Term,
  safeUrl,
} from '@hub/shared';
import type { DropMedia } from './missing-media';

/**
 * Mappers from Strapi's REST shape to the domain types in @hub/shared. The only code besides
 * the loader that knows the CMS's field names. Each mapper checks what pages rely on and names
 * the item when something is missing, so a broken record stops the build with a clear message.
 */

type Raw = Record<string, unknown>;

/** Context every mapper needs: the CMS URL, to make media URLs absolute. */
export interface MapContext {
  cmsUrl: string;
  /**
   * Whether an image is left out because its file is gone from the media storage (see
   * missing-media.ts): it is then mapped as if none were set, and a rich-text image block is
   * dropped, so no page refers to it. Without it, every image is kept.
   */
  dropMedia?: DropMedia;
}

/** An item from the CMS that cannot be shown as it is. */
export class MappingError extends Error {
  override name = 'MappingError';
}

function describe(raw: Raw): string {
  return `"${String(raw.title ?? raw.name ?? raw.documentId ?? '?')}" (${String(raw.documentId ?? 'no id')})`;
}

function required(raw: Raw, field: string, kind: string): string {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MappingError(`${kind} ${describe(raw)} has no ${field}.`);
  }
  return value;
}

function optional(raw: Raw | null | undefined, field: string): string | undefined {
  const value = raw?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function date(raw: Raw, field: string, kind: string): Date {
  const value = new Date(required(raw, field, kind));
  if (Number.isNaN(value.getTime()))
    throw new MappingError(`${kind} ${describe(raw)} has an invalid ${field}.`);
  return value;
}

function oneOf<T extends string>(
  raw: Raw,
  field: string,
  allowed: readonly T[],
  kind: string,
  fallback?: T,
): T {
  const value = raw[field];
  if (allowed.includes(value as T)) return value as T;
  if (fallback !== undefined && (value === null || value === undefined)) return fallback;
  throw new MappingError(`${kind} ${describe(raw)} has an unknown ${field}: ${String(value)}.`);
}

/** A link from the CMS, only when it is safe to follow (http(s), mailto, tel, or a site path). */
function link(raw: Raw | null | undefined, field: string): string | undefined {
  return safeUrl(optional(raw, field)) ?? undefined;
}

function list(value: unknown): Raw[] {
  return Array.isArray(value)
    ? (value.filter((item) => item && typeof item === 'object') as Raw[])
    : [];
}

/** Rich text, without the image blocks whose file is gone (a new array; the CMS's stays as is). */
function blocks(value: unknown, context?: MapContext): RichText {
  if (!Array.isArray(value)) return [];
  if (!context?.dropMedia) return value as RichText;
  const { dropMedia } = context;
  return (value as RichText).filter((block) => {
    const image = block?.type === 'image' ? (block.image as Raw | null | undefined) : undefined;
    const url = optional(image, 'url');
    return !image || !url || !dropMedia(mediaUrl(url, context), image);
  });
}

/** Makes a CMS media URL ("/uploads/x.jpg") absolute. */
export function mediaUrl(url: string, context: MapContext): string {
  return new URL(
    url,
    context.cmsUrl.endsWith('/') ? context.cmsUrl : `${context.cmsUrl}/`,
  ).toString();
}

export function mapImage(value: unknown, context: MapContext): Image | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Raw;
  const url = optional(raw, 'url');
  if (!url || typeof raw.width !== 'number' || typeof raw.height !== 'number') return undefined;
  if (context.dropMedia?.(mediaUrl(url, context), raw)) return undefined;
  return {
    url: mediaUrl(url, context),
    alt: optional(raw, 'alternativeText') ?? '',
    width: raw.width,
    height: raw.height,
    mime: optional(raw, 'mime'),
    // Strapi stores the size in kilobytes.
    bytes: typeof raw.size === 'number' ? Math.round(raw.size * 1000) : undefined,
  };
}

export function mapTerm(raw: Raw): Term {
  return { name: required(raw, 'name', 'Term'), slug: required(raw, 'slug', 'Term') };
}

const terms = (value: unknown): Term[] => list(value).map(mapTerm);
/** A reference to a partner (organisation, organiser, lead): its name and slug. */
const partnerRef = (raw: Raw): Term => ({
  name: required(raw, 'name', 'Partner'),
  slug: required(raw, 'slug', 'Partner'),
});
const refs = (value: unknown): ItemRef[] =>
  list(value).map((raw) => ({
    title: required(raw, 'title', 'Item'),
    slug: required(raw, 'slug', 'Item'),
  }));

function mapContact(value: unknown): Contact | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Raw;
  const contact: Contact = {
    name: optional(raw, 'name'),
    email: optional(raw, 'email'),
    phone: optional(raw, 'phone'),
    website: link(raw, 'website'),
  };
  return Object.values(contact).some(Boolean) ? contact : undefined;
}

function mapLocation(value: unknown): Location | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Raw;
  const district =
    raw.district && typeof raw.district === 'object' ? mapTerm(raw.district as Raw) : undefined;
  const location: Location = {
    venue: optional(raw, 'venue'),
    street: optional(raw, 'street'),
    postcode: optional(raw, 'postcode'),
    city: optional(raw, 'city'),
    district,
  };
  return location.venue || location.street || location.city || district ? location : undefined;
}

/*
 * The fields every published item shares are read by publishedItem and then written out one by
 * one, never spread into the item (`{ ...common, body }`). On Node 20, each object made by
 * spreading gets a hidden class of its own once the code is warm: at 16,000 items that was
 * 35,000 hidden classes (8 MB) and 0.3 to 0.7 s of mapping, and every read of such an object's
 * fields in the pages goes through V8's slowest (megamorphic) path. Written out, all items of a
 * type share one hidden class.
 */
function publishedItem(raw: Raw, kind: string) {
  return {
    id: required(raw, 'documentId', kind),
    title: required(raw, 'title', kind),
    slug: required(raw, 'slug', kind),
    summary: optional(raw, 'summary') ?? '',
    publishedAt: date(raw, 'publishedAt', kind),
    updatedAt: date(raw, 'updatedAt', kind),
  };
}

export function mapArticle(raw: Raw, context: MapContext): Article {
  const { id, title, slug, summary, publishedAt, updatedAt } = publishedItem(raw, 'Article');
  return {
    id,
    title,
    slug,
    summary,
    publishedAt,
    updatedAt,
    date: optional(raw, 'date') ? date(raw, 'date', 'Article') : publishedAt,
    body: blocks(raw.body, context),
    cover: mapImage(raw.cover, context),
    author: optional(raw, 'author'),
    themes: terms(raw.themes),
    districts: terms(raw.districts),
    relatedPractices: refs(raw.relatedPractices),
    relatedEvents: refs(raw.relatedEvents),
  };
}

export function mapGoodPractice(raw: Raw, context: MapContext): GoodPractice {
  const { id, title, slug, summary, publishedAt, updatedAt } = publishedItem(raw, 'Good practice');
  const startYear = raw.startYear;
  return {
    id,
    title,
    slug,
    summary,
    publishedAt,
    updatedAt,
    body: blocks(raw.body, context),
    activityType: oneOf(raw, 'activityType', ACTIVITY_TYPES, 'Good practice'),
    approach: blocks(raw.approach, context),
    results: blocks(raw.results, context),
    evidenceLevel: oneOf(raw, 'evidenceLevel', EVIDENCE_LEVELS, 'Good practice', 'niet beoordeeld'),
    targetGroups: terms(raw.targetGroups),
    themes: terms(raw.themes),
    districts: terms(raw.districts),
    neighbourhoods: terms(raw.neighbourhoods),
    organisations: list(raw.organisations).map((org) => partnerRef(org)),
    location: mapLocation(raw.location),
    contact: mapContact(raw.contact),
    image: mapImage(raw.image, context),
    startYear: typeof startYear === 'number' ? startYear : undefined,
  };
}

export function mapEvent(raw: Raw, context: MapContext): HubEvent {
  const { id, title, slug, summary, publishedAt, updatedAt } = publishedItem(raw, 'Event');
  const location = mapLocation(raw.location);
  const organiser =
    raw.organiser && typeof raw.organiser === 'object' ? (raw.organiser as Raw) : null;
  return {
    id,
    title,
    slug,
    summary,
    publishedAt,
    updatedAt,
    body: blocks(raw.body, context),
    startsAt: date(raw, 'startsAt', 'Event'),
    endsAt: optional(raw, 'endsAt') ? date(raw, 'endsAt', 'Event') : undefined,
    location,
    district: location?.district,
    onlineUrl: link(raw, 'onlineUrl'),
    registrationUrl: link(raw, 'registrationUrl'),
    cost: optional(raw, 'cost'),
    accessibilityNotes: optional(raw, 'accessibilityNotes'),
    status: oneOf(raw, 'eventStatus', EVENT_STATUSES, 'Event', 'gepland'),
    organiser: organiser ? partnerRef(organiser) : undefined,
    themes: terms(raw.themes),
    image: mapImage(raw.image, context),
  };
}

export function mapPartner(raw: Raw, context: MapContext): Partner {
  return {
    id: required(raw, 'documentId', 'Partner'),
    name: required(raw, 'name', 'Partner'),
    slug: required(raw, 'slug', 'Partner'),
    category: oneOf(raw, 'category', PARTNER_CATEGORIES, 'Partner'),
    description: blocks(raw.description, context),
    logo: mapImage(raw.logo, context),
    website: link(raw, 'website'),
    isKartrekker: raw.isKartrekker === true,
    contact: mapContact(raw.contact),
  };
}

export function mapAction(raw: Raw, context?: MapContext): Action {
  return {
    id: required(raw, 'documentId', 'Action'),
    title: required(raw, 'title', 'Action'),
    slug: required(raw, 'slug', 'Action'),
    description: blocks(raw.description, context),
    leads: list(raw.leads).map((lead) => partnerRef(lead)),
    period: optional(raw, 'period'),
    progress: oneOf(raw, 'progress', ACTION_STATUSES, 'Action', 'gepland'),
    order: typeof raw.order === 'number' ? raw.order : 0,
  };
}

export function mapPage(raw: Raw, context?: MapContext): Page {
  return {
    id: required(raw, 'documentId', 'Page'),
    title: required(raw, 'title', 'Page'),
    slug: required(raw, 'slug', 'Page'),
    summary: optional(raw, 'summary'),
    body: blocks(raw.body, context),
    updatedAt: date(raw, 'updatedAt', 'Page'),
  };
}

export function mapDistrict(raw: Raw): District {
  const { name, slug } = mapTerm(raw);
  return { name, slug, neighbourhoods: terms(raw.neighbourhoods) };
}

export function mapSiteSettings(raw: Raw): SiteSettings {
  return {
    siteName: required(raw, 'siteName', 'Site settings'),
    intro: optional(raw, 'intro') ?? '',
    helplines: list(raw.helplines).map((line) => ({
      name: required(line, 'name', 'Help line'),
      phone: optional(line, 'phone'),
      hours: optional(line, 'hours'),
      url: link(line, 'url'),
      description: optional(line, 'description'),
    })),
    contactEmail: optional(raw, 'contactEmail'),
    contactPhone: optional(raw, 'contactPhone'),
    footerLinks: list(raw.footerLinks).flatMap((item) => {
      const url = link(item, 'url');
      return url ? [{ label: required(item, 'label', 'Link'), url }] : [];
    }),
  };
}
