/**
 * How many items an RSS feed carries: the newest. Feed readers poll a feed again and again, and
 * show only its top; the site itself keeps every item. A feed of a full archive (10,000 news
 * items, full text) would be tens of megabytes on every poll, and costly on every publish.
 */
export const FEED_ITEM_LIMIT = 50;
