import { budgetKey } from './address-key';

/**
 * The address a submission came from, for the budgets. The socket's address, unless the
 * request came through a configured trusted proxy (the site's web server passing the form on):
 * then the address that proxy saw, the last one it added to X-Forwarded-For. Addresses a client
 * wrote into that header itself come before it and are never used.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const socket = socketAddress.replace(/^::ffff:/, '');
  if (!trustedProxies.includes(socket) || !forwardedFor) return socket;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim().replace(/^::ffff:/, ''))
    .filter(Boolean);
  return hops.at(-1) ?? socket;
}

/** What a request tells about where it came from (a Koa context has both). */
interface RequestOrigin {
  socket: { remoteAddress?: string };
  get(header: string): string;
}

/** The budget a request counts against: its client's address, grouped as budgetKey says. */
export const requestBudgetKey = (request: RequestOrigin, trustedProxies: readonly string[]) =>
  budgetKey(
    clientAddress(
      request.socket.remoteAddress ?? '',
      request.get('X-Forwarded-For') || undefined,
      trustedProxies,
    ),
  );
