import type { Context, Next } from 'koa';
import { secretMatches } from '@hub/shared/dist/security/secret-matches';
import { cmsMetrics } from '../hub/metrics/cms-metrics';

/**
 * GET /metrics: the CMS's metrics in Prometheus's text format, for whoever has the publisher's
 * secret (PUBLISHER_SECRET, sent as `Authorization: Bearer <secret>` as Prometheus does, or in
 * X-Hub-Publisher-Secret). The CMS faces the internet (the forms), so there is no way in without
 * it; a CMS without that secret has no metrics (404).
 */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.path !== '/metrics') return next();
  const secret = process.env.PUBLISHER_SECRET?.trim() ?? '';
  if (!secret) return next();
  ctx.set('Cache-Control', 'no-store');
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    ctx.status = 405;
    ctx.set('Allow', 'GET, HEAD');
    return;
  }
  const bearer = /^Bearer (.+)$/i.exec(ctx.get('Authorization'))?.[1];
  const sent = bearer ?? ctx.get('X-Hub-Publisher-Secret');
  if (!secretMatches(sent, secret)) {
    ctx.status = 401;
    ctx.body = { error: 'The publisher secret is needed for /metrics.' };
    return;
  }
  const { registry } = cmsMetrics();
  ctx.type = registry.contentType;
  ctx.body = await registry.metrics();
};
