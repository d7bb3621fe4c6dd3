import { isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, `::` expanded (an embedded IPv4 tail counts as two groups). */
function groupsOf(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const split = (part: string) =>
    part
      .split(':')
      .filter(Boolean)
      .flatMap((group) => (group.includes('.') ? ['v4', 'v4'] : [group]));
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  return [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
}

/**
 * What one client can be told apart by: an IPv4 address as it is, an IPv6 address by its /64 prefix (a single
 * host is routinely given a whole /64, and would otherwise have 2^64 addresses to spread attempts over).
 */
export function addressBucket(address: string): string {
  if (!isIPv6(address)) return address;
  const prefix = groupsOf(address.toLowerCase().split('%')[0] ?? '')
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''));
  return `${prefix.join(':')}::/64`;
}
