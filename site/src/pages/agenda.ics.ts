import type { APIRoute } from 'astro';
import { getHub } from '../lib/data';
import { calendarResponse } from '../lib/calendar';

/** The whole agenda, past and future, for agenda apps (subscribe once, stay up to date). */
export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  return calendarResponse(hub.events, {
    siteUrl: String(site),
    name: `${hub.settings.siteName}: agenda`,
  });
};
