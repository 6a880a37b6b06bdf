import net from 'node:net';
import { budgetKey } from './address-key';

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it is. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.)/i, '');

/**
 * The trusted proxies (SUBMISSION_TRUSTED_PROXIES) as a set that answers "is this a proxy of
 * ours?": single addresses (127.0.0.1, ::1) and ranges (10.0.0.0/8, 2001:db8::/32), because a
 * load balancer or CDN forwards from a range, not one address. Entries that are neither are
 * ignored.
 */
export function trustedProxySet(entries: readonly string[]): net.BlockList {
  const set = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = plain(entry).split('/');
    const family = net.isIP(address);
    if (family === 0) continue;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) set.addAddress(address, type);
    else if (/^\d+$/.test(prefix)) set.addSubnet(address, Number(prefix), type);
  }
  return set;
}

function isTrusted(address: string, proxies: net.BlockList): boolean {
  const family = net.isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The address a submission came from, for the budgets. The socket's address, unless the
 * request came through trusted proxies (the site's web server or CDN passing the form on, a
 * load balancer in front of several CMS instances): then X-Forwarded-For is read from the right,
 * past every hop that is itself a trusted proxy, and the first address that is not one is the
 * client. Addresses a client wrote into that header itself come before it and are never used.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[] | net.BlockList,
): string {
  const proxies =
    trustedProxies instanceof net.BlockList ? trustedProxies : trustedProxySet(trustedProxies);
  const hops = (forwardedFor ?? '').split(',').map(plain).filter(Boolean);
  let client = plain(socketAddress);
  while (isTrusted(client, proxies) && hops.length > 0) client = hops.pop() ?? client;
  return client;
}

/** What a request tells about where it came from (a Koa context has both). */
interface RequestOrigin {
  socket: { remoteAddress?: string };
  get(header: string): string;
}

/** The budget a request counts against: its client's address, grouped as budgetKey says. */
export const requestBudgetKey = (
  request: RequestOrigin,
  trustedProxies: readonly string[] | net.BlockList,
) =>
  budgetKey(
    clientAddress(
      request.socket.remoteAddress ?? '',
      request.get('X-Forwarded-For') || undefined,
      trustedProxies,
    ),
  );
