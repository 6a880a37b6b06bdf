import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address (zone and IPv4 tail allowed), or null. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return null;
  // An embedded IPv4 tail (::ffff:192.0.2.1) as two groups.
  const text = bare.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)]
      .map((group) => group.toString(16))
      .join(':'),
  );
  const [head = '', tail] = text.split('::');
  const part = (hextets: string) => (hextets ? hextets.split(':') : []);
  const before = part(head);
  const after = tail === undefined ? [] : part(tail);
  const missing = 8 - before.length - after.length;
  return [...before, ...Array<string>(Math.max(missing, 0)).fill('0'), ...after].map((group) =>
    parseInt(group, 16),
  );
}

/**
 * Whose budget a request counts against: an IPv4 address as it is, an IPv6 address by its /64
 * network (one household or device gets a whole /64 and can pick any address in it), and an
 * IPv4 address written as IPv6 (::ffff:192.0.2.1) as the IPv4 address it is. Anything else (no
 * address known) counts as itself. Pure; used for both budgets.
 */
export function budgetKey(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (isIPv4(trimmed)) return trimmed;
  const groups = ipv6Groups(trimmed);
  if (!groups) return trimmed;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
