import { escapeHtml } from '@hub/shared';

/**
 * Upcoming activities an embeddable agenda shows; the rest is one link away on the hub. A frame
 * on a partner's page has a fixed height, and a short list keeps the page small.
 */
export const EMBED_EVENT_LIMIT = 10;

/**
 * The `<iframe>` code a partner pastes into their own site to show an embeddable agenda: the
 * absolute address, a title for screen readers, full width, and loaded when scrolled to.
 */
export function embedCode(url: string, title: string): string {
  return `<iframe src="${escapeHtml(url)}" title="${escapeHtml(title)}" style="width: 100%; height: 600px; border: 1px solid #8a97a3;" loading="lazy"></iframe>`;
}
