import { describe, expect, it } from 'vitest';
import { clockOffsetMs, countdownWords, formatCountdown, quoteSecondsLeft } from '@/lib/cart-expiry';

const quotedAt = '2026-03-01T12:00:00.000Z';
const validUntil = '2026-03-01T12:15:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('quote countdown', () => {
  it('counts down the 15 minutes on the server’s clock', () => {
    expect(quoteSecondsLeft({ validUntil, isExpired: false }, at('2026-03-01T12:00:00.000Z'))).toBe(900);
    expect(quoteSecondsLeft({ validUntil, isExpired: false }, at('2026-03-01T12:14:59.500Z'))).toBe(1);
    expect(quoteSecondsLeft({ validUntil, isExpired: false }, at('2026-03-01T12:15:00.000Z'))).toBe(0);
    expect(quoteSecondsLeft({ validUntil, isExpired: false }, at('2026-03-01T13:00:00.000Z'))).toBe(0);
  });

  it('corrects a browser clock that runs 16 minutes ahead with the offset learned from a fresh quote', () => {
    const browserAtAnswer = at('2026-03-01T12:16:00.000Z');
    const offset = clockOffsetMs(quotedAt, browserAtAnswer);
    expect(offset).toBe(-16 * 60_000);
    expect(quoteSecondsLeft({ validUntil, isExpired: false }, browserAtAnswer, offset)).toBe(900);
    expect(quoteSecondsLeft({ validUntil, isExpired: false }, browserAtAnswer + 60_000, offset)).toBe(840);
  });

  it('takes the server’s word when it already said the quote expired', () => {
    expect(quoteSecondsLeft({ validUntil, isExpired: true }, at('2026-03-01T12:00:00.000Z'))).toBe(0);
  });

  it('shows minutes and seconds, and speaks in whole minutes', () => {
    expect(formatCountdown(905)).toBe('15:05');
    expect(formatCountdown(59)).toBe('0:59');
    expect(formatCountdown(0)).toBe('0:00');
    expect(countdownWords(605)).toBe('11 minutes');
    expect(countdownWords(45)).toBe('less than a minute');
  });
});
