import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // This machine only unless HOST says otherwise (see cms/.env.example).
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // Public URL of the CMS, used in links the admin hands out (e.g. media URLs).
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Behind a load balancer or reverse proxy: trust X-Forwarded-* (client address, https), and
  // from X-Forwarded-For only the last PROXY_HOPS addresses, the ones our proxies added; what a
  // client wrote there itself is never taken for its address (admin login limits, logs).
  // (Strapi 5 reads `proxy.koa`; a bare `proxy: true`, Strapi 4's form, does nothing.)
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  // Where uploads are stored by the local provider (<dir>/uploads). Tests give every CMS its own,
  // so a test run never touches the media of a CMS that is running beside it.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // Scheduled tasks (config/cron-tasks.ts). The tests switch them off and run them with a clock.
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
});
