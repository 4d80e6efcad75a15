import { isIPv4, isIPv6 } from 'node:net';

export interface AddressKeys {
  /** One sender: an IPv4 address, or an IPv6 /64 (one machine commonly holds many addresses of its /64). */
  address: string;
  /** The network around it: an IPv4 /24 or an IPv6 /48, so a handful of neighbours count together. */
  network: string;
}

/** The eight 16-bit groups of an IPv6 address, as numbers; null when it is not one. */
function ipv6Groups(ip: string): number[] | null {
  const [head = '', tail, ...rest] = ip.split('::');
  if (rest.length) return null;
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  let groups = [...part(head), ...(tail === undefined ? [] : part(tail))];
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two groups.
  const last = groups[groups.length - 1];
  if (last && isIPv4(last)) {
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    groups = [...groups.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  }
  const head6 = part(head).length;
  const missing = 8 - groups.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const filled = tail === undefined ? groups : [...groups.slice(0, head6), ...Array<string>(missing).fill('0'), ...groups.slice(head6)];
  return filled.map((group) => parseInt(group, 16));
}

/**
 * The keys a request is rate limited under. Addresses the API cannot read (none, or malformed) share one
 * key, so they are limited together rather than not at all.
 */
export function addressKeys(ip: string | null | undefined): AddressKeys {
  const raw = (ip ?? '').split('%')[0]!.trim().toLowerCase();
  const mapped = raw.startsWith('::ffff:') && isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
  if (isIPv4(mapped)) return { address: mapped, network: `${mapped.split('.').slice(0, 3).join('.')}.0/24` };
  const groups = isIPv6(mapped) ? ipv6Groups(mapped) : null;
  if (!groups) return { address: 'unknown', network: 'unknown' };
  const hex = groups.map((group) => group.toString(16));
  return { address: `${hex.slice(0, 4).join(':')}::/64`, network: `${hex.slice(0, 3).join(':')}::/48` };
}
