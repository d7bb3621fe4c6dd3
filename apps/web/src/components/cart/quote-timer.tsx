'use client';

import type { CartDto } from '@pf/domain';
import { Clock, RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { countdownWords, formatCountdown, quoteSecondsLeft } from '@/lib/cart-expiry';
import { cn } from '@/lib/cn';
import { reportCartError, serverClockOffset, useCartActions } from './use-cart';

/** Seconds the quote still holds, ticking once a second. */
export function useQuoteSecondsLeft(cart: Pick<CartDto, 'validUntil' | 'isExpired'>): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return quoteSecondsLeft(cart, now, serverClockOffset());
}

/**
 * "Prices held for 12:34" while the quote holds; once it expired, a one-click re-quote (same lines and codes,
 * today's prices and stock).
 */
export function QuoteTimer({ cart, compact = false }: { cart: CartDto; compact?: boolean }) {
  const seconds = useQuoteSecondsLeft(cart);
  const { change, busy } = useCartActions();
  const requote = () => change((intent) => intent).catch(reportCartError);
  if (seconds > 0) {
    return (
      <p
        className={cn('flex items-center gap-2 text-sm', seconds <= 120 ? 'text-amber-800' : 'text-gray-700')}
        data-testid="quote-timer"
        data-seconds-left={seconds}
      >
        <Clock className="h-4 w-4 shrink-0" aria-hidden />
        <span aria-hidden>
          Prices held for <span className="font-semibold tabular-nums">{formatCountdown(seconds)}</span>
        </span>
        <span className="sr-only">Prices held for {countdownWords(seconds)}</span>
      </p>
    );
  }
  return (
    <div
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900',
        compact && 'p-2',
      )}
      data-testid="quote-expired"
      role="status"
    >
      <span className="flex items-center gap-2">
        <Clock className="h-4 w-4 shrink-0" aria-hidden /> Quote expired: refresh it to see current prices.
      </span>
      <Button size="sm" variant="secondary" onClick={requote} disabled={busy}>
        <RefreshCw className={cn('h-4 w-4', busy && 'animate-spin')} aria-hidden /> Re-quote
      </Button>
    </div>
  );
}
