import type { Core, UID } from '@strapi/strapi';

/** The content types the public can propose (see hub/submissions). */
const SUBMITTABLE: UID.ContentType[] = ['api::good-practice.good-practice', 'api::event.event'];

/** The list's columns with "Ingezonden" right after the title, where editors look first. */
function withSubmittedColumn(columns: string[]): string[] {
  const others = columns.filter((column) => column !== 'submitted');
  const afterTitle = others.indexOf('title') + 1;
  return [...others.slice(0, afterTitle), 'submitted', ...others.slice(afterTitle)];
}

/**
 * Shows the "Ingezonden" column in the admin's lists of good practices and events, with the
 * lists' filters switched on, so editors see at a glance what came in through the site and can
 * filter on it. Runs on every start; adds the column only when it is missing.
 */
export async function showSubmissionsInLists(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const uid of SUBMITTABLE) {
    const configuration = await contentTypes.findConfiguration({ uid });
    const { layouts, settings } = configuration as {
      layouts: { list: string[] };
      settings: { filterable?: boolean };
    };
    if (layouts.list.includes('submitted') && settings.filterable) continue;
    const {
      uid: _uid,
      isComponent: _isComponent,
      ...rest
    } = configuration as Record<string, unknown>;
    await contentTypes.updateConfiguration(
      { uid },
      {
        ...rest,
        settings: { ...settings, filterable: true },
        layouts: { ...layouts, list: withSubmittedColumn(layouts.list) },
      },
    );
  }
}
