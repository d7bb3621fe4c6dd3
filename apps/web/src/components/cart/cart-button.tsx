'use client';

import { ShoppingCart } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { Sheet, SheetContent, SheetTrigger } from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney, formatQuantity } from '@/lib/catalog-format';
import { cn } from '@/lib/cn';
import { countOf } from '@/lib/plural';
import { QuoteTimer } from './quote-timer';
import { useCart } from './use-cart';

const LINE = { one: 'line', other: 'lines' };

export const cartLabel = (lines: number) => (lines > 0 ? `Cart, ${countOf(lines, LINE)}` : 'Cart');

/** The header's cart: the line count, and a drawer with the cart at a glance, its total and the way on. */
export function CartButton() {
  const cart = useCart();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const data = cart.data;
  const lines = data?.lineCount ?? 0;
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger
        aria-label={cartLabel(lines)}
        data-testid="cart-button"
        className={cn(
          'relative flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-gray-700 hover:bg-gray-100',
          pathname.startsWith('/buyer/cart') && 'bg-brand-50 text-brand-800',
        )}
      >
        <ShoppingCart className="h-5 w-5" aria-hidden />
        {lines > 0 ? (
          <span
            aria-hidden
            data-testid="cart-count"
            className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-brand-700 px-1 text-[11px] font-semibold leading-none text-white ring-2 ring-white"
          >
            {lines > 99 ? '99+' : lines}
          </span>
        ) : null}
      </SheetTrigger>
      <SheetContent
        title="Your cart"
        footer={
          data ? (
            <div className="space-y-3">
              <p className="flex items-baseline justify-between text-sm">
                <span className="text-gray-700">Total</span>
                <span className="text-lg font-semibold tabular-nums text-gray-900" data-testid="drawer-total">
                  {formatMoney(data.totalCents)}
                </span>
              </p>
              <div className="grid grid-cols-2 gap-2">
                <Link
                  href="/buyer/cart"
                  onClick={() => setOpen(false)}
                  className={buttonVariants({ variant: 'secondary' })}
                >
                  View cart
                </Link>
                <Link href="/buyer/checkout" onClick={() => setOpen(false)} className={buttonVariants()}>
                  Checkout
                </Link>
              </div>
            </div>
          ) : undefined
        }
      >
        {cart.isPending ? (
          <div className="space-y-3" aria-busy>
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        ) : !data ? (
          <div className="space-y-3 py-6 text-center text-sm text-gray-600">
            <p>Your cart is empty.</p>
            <Link
              href="/buyer/marketplace"
              onClick={() => setOpen(false)}
              className="font-medium text-brand-700 underline-offset-4 hover:underline"
            >
              Browse the marketplace
            </Link>
          </div>
        ) : (
          <div className="space-y-5">
            <QuoteTimer cart={data} compact />
            {data.vendorGroups.map((group) => (
              <section key={group.vendorStoreId} aria-label={group.vendorStoreName} className="space-y-2">
                <h3 className="text-sm font-semibold text-gray-900">{group.vendorStoreName}</h3>
                <ul className="divide-y divide-gray-100">
                  {group.items.map((line) => (
                    <li key={line.productId} className="flex items-start justify-between gap-3 py-2 text-sm">
                      <span className="min-w-0">
                        <span className="block truncate text-gray-900">{line.title}</span>
                        <span className="text-xs text-gray-600">
                          {formatQuantity(line.quantity, line.unit)}
                          {line.status !== 'ok' ? ' · will not be ordered' : ''}
                        </span>
                      </span>
                      <span className="shrink-0 tabular-nums text-gray-900">
                        {line.status === 'ok' ? formatMoney(line.lineTotalCents) : '—'}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </SheetContent>
    </Sheet>
  );
}
