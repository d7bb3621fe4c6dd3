/**
 * The quote countdown (a quote holds its prices for 15 minutes, DOMAIN §4.6). The browser's clock may differ
 * from the server's, so the remaining time is read on the server's clock: `offsetMs` (server − browser) is
 * learned from a fresh quote, whose `quotedAt` is the server's "now" when it answered.
 */

/** Server minus browser time, from a quote answered at `receivedAtMs` (browser clock). */
export const clockOffsetMs = (quotedAt: string, receivedAtMs: number): number => Date.parse(quotedAt) - receivedAtMs;

/** Whole seconds the quote still holds (0 once expired); `serverSaysExpired` wins over any clock estimate. */
export function quoteSecondsLeft(
  quote: { validUntil: string; isExpired: boolean },
  browserNowMs: number,
  offsetMs = 0,
): number {
  if (quote.isExpired) return 0;
  const left = Date.parse(quote.validUntil) - (browserNowMs + offsetMs);
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** `905` → `15:05`, `59` → `0:59`. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** "14 minutes 5 seconds": what a screen reader hears (once a minute, not every second). */
export function countdownWords(seconds: number): string {
  const minutes = Math.ceil(Math.max(0, seconds) / 60);
  return minutes <= 1 ? 'less than a minute' : `${minutes} minutes`;
}
