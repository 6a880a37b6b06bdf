import type { Core } from '@strapi/strapi';
import { winston } from '@strapi/logger';

/**
 * LOG_FORMAT=json: one JSON object a line ({"time","level","service":"cms","msg"}), as the
 * publisher and the site's servers write them, for log collectors. Otherwise Strapi's own lines.
 */
function logFormat(format: string) {
  if (format === 'text') return {};
  if (format !== 'json') {
    throw new Error(`LOG_FORMAT must be "text" or "json"; got "${format}".`);
  }
  return {
    format: winston.format.combine(
      winston.format.timestamp(),
      winston.format.printf((info) =>
        JSON.stringify({
          time: info.timestamp,
          level: info.level,
          service: 'cms',
          msg: typeof info.message === 'string' ? info.message : JSON.stringify(info.message),
        }),
      ),
    ),
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const format = env('LOG_FORMAT', 'text').trim().toLowerCase() || 'text';
  return {
    // error, warn, info or http (every request); tests run with LOG_LEVEL=warn.
    level: env('LOG_LEVEL', 'http'),
    ...logFormat(format),
    // No check for new Strapi versions at start: upgrades go through package.json and review.
    updates: { enabled: false },
    // Strapi's boxed start-up table is printed beside the logger: not for a log collector.
    startup: { enabled: format !== 'json' },
  };
};
