import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // error, warn, info or http (every request); tests run with LOG_LEVEL=warn.
  level: env('LOG_LEVEL', 'http'),
  // No check for new Strapi versions at start: upgrades go through package.json and review.
  updates: { enabled: false },
  startup: { enabled: true },
});
