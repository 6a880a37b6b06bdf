/** Keys of the CMS content types, equal to the `<name>` in `api::<name>.<name>`. */
export type ContentTypeKey =
  | 'article'
  | 'good-practice'
  | 'event'
  | 'partner'
  | 'action'
  | 'theme'
  | 'target-group'
  | 'district'
  | 'neighbourhood'
  | 'page'
  | 'site';

/** A field a rule applies to, with the Dutch label editors see in the admin. */
export interface FieldRef {
  /** Attribute name in the CMS schema (camelCase English). */
  field: string;
  /** Label shown to editors, used in error messages. */
  label: string;
}

/** The editorial rules of one content type, enforced by the CMS on every write. */
export interface ContentRules {
  /** Fields that must hold a value (text, date, choice, relation or rich text). */
  required: readonly FieldRef[];
  /** The field a slug is generated from when the editor leaves the slug empty. */
  slugSource?: FieldRef;
  /** A summary field limited to {@link MAX_SUMMARY_LENGTH} characters. */
  summary?: FieldRef;
  /** Start and end of a period; the end may not lie before the start. */
  period?: { start: FieldRef; end: FieldRef };
  /** Planned publication and removal (see the CMS's scheduler); removal must come after. */
  schedule?: { publish: FieldRef; unpublish: FieldRef };
  /** Single-image fields whose image must have alternative text. */
  images: readonly FieldRef[];
  /**
   * Rich-text fields: checked for accessibility before publication (see findPublishIssues) and
   * scored for readability in the admin, together with the title and summary.
   */
  richText?: readonly FieldRef[];
}

/** Longest summary allowed: it must fit a list card, a feed reader and a search result. */
export const MAX_SUMMARY_LENGTH = 300;

const title: FieldRef = { field: 'title', label: 'Titel' };
const name: FieldRef = { field: 'name', label: 'Naam' };
const summary: FieldRef = { field: 'summary', label: 'Samenvatting' };
const body: FieldRef = { field: 'body', label: 'Tekst' };
const schedule = {
  publish: { field: 'publishOn', label: 'Publiceren op' },
  unpublish: { field: 'unpublishOn', label: 'Offline halen op' },
};

/** Rules per content type. The CMS schemas mark the same fields as required. */
export const CONTENT_RULES: Readonly<Record<ContentTypeKey, ContentRules>> = {
  article: {
    required: [title, summary, body],
    slugSource: title,
    summary,
    images: [{ field: 'cover', label: 'Afbeelding bovenaan' }],
    richText: [body],
    schedule,
  },
  'good-practice': {
    required: [title, summary, { field: 'activityType', label: 'Soort activiteit' }],
    slugSource: title,
    summary,
    images: [{ field: 'image', label: 'Afbeelding' }],
    richText: [
      { field: 'body', label: 'Beschrijving' },
      { field: 'approach', label: 'Aanpak' },
      { field: 'results', label: 'Resultaten' },
    ],
    schedule,
  },
  event: {
    required: [title, summary, { field: 'startsAt', label: 'Begint op' }],
    slugSource: title,
    summary,
    period: {
      start: { field: 'startsAt', label: 'Begint op' },
      end: { field: 'endsAt', label: 'Eindigt op' },
    },
    images: [{ field: 'image', label: 'Afbeelding' }],
    richText: [body],
    schedule,
  },
  partner: {
    required: [name, { field: 'category', label: 'Categorie' }],
    slugSource: name,
    images: [{ field: 'logo', label: 'Logo' }],
    richText: [{ field: 'description', label: 'Beschrijving' }],
  },
  action: {
    required: [title, { field: 'progress', label: 'Voortgang' }],
    slugSource: title,
    images: [],
    richText: [{ field: 'description', label: 'Beschrijving' }],
  },
  theme: { required: [name], slugSource: name, images: [] },
  'target-group': { required: [name], slugSource: name, images: [] },
  district: { required: [name], slugSource: name, images: [] },
  neighbourhood: { required: [name], slugSource: name, images: [] },
  page: { required: [title], slugSource: title, summary, images: [], richText: [body] },
  site: { required: [{ field: 'siteName', label: 'Naam van de site' }], images: [] },
};

/**
 * The content type key of a CMS uid (`api::article.article` -> `article`), or null for a uid of
 * anything else (a plugin's type, a component).
 */
export function contentTypeKeyOf(uid: string): ContentTypeKey | null {
  const match = /^api::([a-z-]+)\.\1$/.exec(uid);
  const key = match?.[1];
  return key !== undefined && Object.hasOwn(CONTENT_RULES, key) ? (key as ContentTypeKey) : null;
}
