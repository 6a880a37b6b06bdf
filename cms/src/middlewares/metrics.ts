import type { Context, Next } from 'koa';
import { secretMatches } from '@hub/shared/dist/security/secret-matches';
import { cmsMetrics } from '../hub/metrics/cms-metrics';

/**
 * GET /metrics: the CMS's metrics in Prometheus's text format, for whoever has METRICS_TOKEN (a
 * scraper's own token, which can do nothing else) or the publisher's secret (PUBLISHER_SECRET),
 * sent as `Authorization: Bearer <token>` as Prometheus does, or in X-Hub-Publisher-Secret. The
 * CMS faces the internet (the forms), so there is no way in without one; a CMS with neither set
 * has no metrics (404).
 */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.path !== '/metrics') return next();
  const accepted = [process.env.METRICS_TOKEN, process.env.PUBLISHER_SECRET]
    .map((value) => value?.trim() ?? '')
    .filter(Boolean);
  if (accepted.length === 0) return next();
  ctx.set('Cache-Control', 'no-store');
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    ctx.status = 405;
    ctx.set('Allow', 'GET, HEAD');
    return;
  }
  const bearer = /^Bearer (.+)$/i.exec(ctx.get('Authorization'))?.[1];
  const sent = bearer ?? ctx.get('X-Hub-Publisher-Secret');
  if (!accepted.some((token) => secretMatches(sent, token))) {
    ctx.status = 401;
    ctx.body = { error: 'A metrics token (METRICS_TOKEN or PUBLISHER_SECRET) is needed.' };
    return;
  }
  const { registry } = cmsMetrics();
  ctx.type = registry.contentType;
  ctx.body = await registry.metrics();
};
