/**
 * The address a submission came from, for the rate limit. The socket's address, unless the
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
