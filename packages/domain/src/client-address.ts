/** The address every request without a usable one is counted under (so it is still rate limited). */
export const UNKNOWN_CLIENT = 'unknown';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) is the same client as `203.0.113.7`. */
const normalized = (address: string) => address.replace(IPV4_MAPPED, '$1').toLowerCase();

/**
 * The client's address from the X-Forwarded-For chain and the socket (ARCHITECTURE §3).
 *
 * The chain is the header's entries followed by the socket address, when the caller knows it. Each proxy
 * appends the address it received the request from, so only the last `trustedHops + 1` entries were written by
 * machines we run; everything to their left is whatever the client claimed and is never used. With 0 trusted
 * hops the client is the socket itself; with 1, it is the entry our one proxy appended; and so on. A chain
 * shorter than that (a request that skipped a proxy) falls back to its left-most entry.
 *
 * The web server (apps/web/server/main.mjs) appends the socket address to X-Forwarded-For before Next.js sees
 * the request, so there the header alone carries the whole chain and `socketAddress` is left out.
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  trustedHops: number,
  socketAddress?: string | null,
): string {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (socketAddress) chain.push(socketAddress);
  const entry = chain[Math.max(0, chain.length - 1 - Math.max(0, Math.trunc(trustedHops)))];
  return entry ? normalized(entry) : UNKNOWN_CLIENT;
}
