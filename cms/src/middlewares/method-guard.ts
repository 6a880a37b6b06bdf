import type { Context, Next } from 'koa';

/** The methods the CMS's routes use (the admin, the REST API, the submission endpoints). */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Answers a method no route of the CMS uses (TRACE, a scanner's own words) with 405 and the
 * methods it does take, instead of the router's 501: a request from outside gets a 4xx, never a
 * server error.
 */
export default () => async (ctx: Context, next: Next) => {
  if (KNOWN_METHODS.has(ctx.method)) return next();
  ctx.status = 405;
  ctx.set('Allow', [...KNOWN_METHODS].join(', '));
  ctx.body = {
    data: null,
    error: { status: 405, name: 'MethodNotAllowedError', message: 'Method not allowed' },
  };
};
