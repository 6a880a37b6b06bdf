import {
  EMBED_PATH_PREFIX,
  EVENT_SUBMISSION,
  GOOD_PRACTICE_SUBMISSION,
  SUBMISSION_THANKS_PATH,
} from '@hub/shared';

/** Site paths (with trailing slash), in one place so pages, feeds, sitemap and search agree. */
export const paths = {
  home: '/',
  news: '/nieuws/',
  /** A page of the news archive: numbered from the oldest (see archivePages). */
  newsPage: (page: number) => `/nieuws/pagina/${page}/`,
  article: (slug: string) => `/nieuws/${slug}/`,
  practices: '/goede-voorbeelden/',
  practice: (slug: string) => `/goede-voorbeelden/${slug}/`,
  practiceFilter: (dimension: string, slug: string) => `/goede-voorbeelden/${dimension}/${slug}/`,
  agenda: '/agenda/',
  agendaArchive: '/agenda/archief/',
  event: (slug: string) => `/agenda/${slug}/`,
  eventCalendar: (slug: string) => `/agenda/${slug}.ics`,
  calendar: '/agenda.ics',
  partners: '/partners/',
  partner: (slug: string) => `/partners/${slug}/`,
  partnerPractices: (slug: string) => `/partners/${slug}/goede-voorbeelden/`,
  /** The activities a partner organises, for agenda apps. */
  partnerCalendar: (slug: string) => `/partners/${slug}/agenda.ics`,
  theme: (slug: string) => `/themas/${slug}/`,
  /** A page of a theme's news archive: numbered from the oldest (see archivePages). */
  themeNewsPage: (slug: string, page: number) => `/themas/${slug}/nieuws/${page}/`,
  themeFeed: (slug: string) => `/themas/${slug}/rss.xml`,
  district: (slug: string) => `/wijken/${slug}/`,
  districts: '/wijken/',
  /** News, good practices and activities of one stadsdeel (RSS). */
  districtFeed: (slug: string) => `/wijken/${slug}/rss.xml`,
  /** The activities in one stadsdeel, for agenda apps. */
  districtCalendar: (slug: string) => `/wijken/${slug}/agenda.ics`,
  /** A stadsdeel's upcoming activities, made to be shown in a frame on another site. */
  embedDistrictAgenda: (slug: string) => `${EMBED_PATH_PREFIX}agenda/${slug}/`,
  /** A partner's upcoming activities, made to be shown in a frame on another site. */
  embedPartnerAgenda: (slug: string) => `${EMBED_PATH_PREFIX}agenda/partner/${slug}/`,
  plan: '/stappenplan/',
  page: (slug: string) => `/${slug}/`,
  search: '/zoeken/',
  submitPractice: GOOD_PRACTICE_SUBMISSION.path,
  submitEvent: EVENT_SUBMISSION.path,
  submissionThanks: SUBMISSION_THANKS_PATH,
  feeds: '/feeds/',
  feedAll: '/rss.xml',
  feedNews: '/nieuws/rss.xml',
  feedPractices: '/goede-voorbeelden/rss.xml',
  feedAgenda: '/agenda/rss.xml',
} as const;
