'use client';

import type { CartDto } from '@pf/domain';
import { ShoppingCart } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogClose, DialogContent } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { countOf } from '@/lib/plural';
import { apiErrorInfo } from '@/lib/trpc';
import { QuoteTimer, useQuoteSecondsLeft } from './quote-timer';
import { reportCartError, useCart, useCartActions } from './use-cart';
import { TotalRow, VendorGroup } from './vendor-group';

const LINE = { one: 'line', other: 'lines' };
const VENDOR = { one: 'vendor', other: 'vendors' };

function ClearCartButton({ cart }: { cart: CartDto }) {
  const { clearCart, clearing } = useCartActions();
  const [open, setOpen] = useState(false);
  const what = `${countOf(cart.lineCount, LINE)} from ${countOf(cart.vendorGroups.length, VENDOR)}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Clear cart
      </Button>
      <DialogContent
        title="Clear your cart?"
        description={`This removes all ${what}, and any promo codes you entered.`}
      >
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Keep cart</Button>
          </DialogClose>
          <Button
            variant="destructive"
            disabled={clearing}
            onClick={() =>
              clearCart()
                .then(() => {
                  setOpen(false);
                  toast.success('Cart cleared');
                })
                .catch(reportCartError)
            }
          >
            Clear {what}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** Cart totals (server quote), the countdown, and the way to checkout. */
export function CartSummary({ cart, action }: { cart: CartDto; action?: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Summary</CardTitle>
      </CardHeader>
      <CardBody className="space-y-4">
        <dl className="space-y-1 text-sm" data-testid="cart-totals">
          <TotalRow label="Subtotal" cents={cart.subtotalCents} />
          {cart.lineDiscountsCents > 0 ? (
            <TotalRow label="Volume discounts" cents={cart.lineDiscountsCents} negative />
          ) : null}
          {cart.promoDiscountsCents > 0 ? (
            <TotalRow label="Promo codes" cents={cart.promoDiscountsCents} negative />
          ) : null}
          <TotalRow label="Total" cents={cart.totalCents} strong className="border-t border-gray-100 pt-2 text-base" />
        </dl>
        <p className="text-xs text-gray-600">
          {countOf(cart.okLineCount, LINE)} will be ordered, one order per vendor. No tax or delivery fee is added.
        </p>
        <QuoteTimer cart={cart} />
        {action}
      </CardBody>
    </Card>
  );
}

function CheckoutLink({ cart }: { cart: CartDto }) {
  const seconds = useQuoteSecondsLeft(cart);
  const { busy } = useCartActions();
  if (cart.okLineCount === 0 || seconds === 0 || busy) {
    return (
      <Button className="w-full" disabled>
        Go to checkout
      </Button>
    );
  }
  return (
    <Link href="/buyer/checkout" className={buttonVariants({ className: 'w-full' })}>
      Go to checkout
    </Link>
  );
}

export function CartSkeleton() {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="cart-loading">
      <span className="sr-only" role="status">
        Loading your cart…
      </span>
      <div className="space-y-4">
        {[0, 1].map((group) => (
          <div key={group} className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
            <Skeleton className="h-5 w-48" />
            {[0, 1].map((line) => (
              <div key={line} className="flex gap-3">
                <Skeleton className="h-16 w-16" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-4 w-2/3" />
                  <Skeleton className="h-3 w-1/3" />
                  <Skeleton className="h-9 w-40" />
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
      <Skeleton className="h-64 w-full" />
    </div>
  );
}

export function EmptyCart() {
  return (
    <EmptyState
      icon={ShoppingCart}
      title="Your cart is empty"
      action={
        <Link href="/buyer/marketplace" className={buttonVariants()}>
          Browse the marketplace
        </Link>
      }
    >
      Products you add from the marketplace, product pages and storefronts collect here, grouped by vendor.
    </EmptyState>
  );
}

/** /buyer/cart: vendor groups with their lines, promo codes and totals; the summary beside (below on phones). */
export function CartView() {
  const cart = useCart();
  if (cart.isPending) return <CartSkeleton />;
  if (cart.error) {
    const info = apiErrorInfo(cart.error);
    return (
      <p role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800">
        {info.message} {info.requestId ? `(request id ${info.requestId})` : null}
      </p>
    );
  }
  const data = cart.data;
  if (!data) return <EmptyCart />;
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-4">
        {data.vendorGroups.map((group) => (
          <VendorGroup key={group.vendorStoreId} group={group} />
        ))}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link
            href="/buyer/marketplace"
            className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            Continue shopping
          </Link>
          <ClearCartButton cart={data} />
        </div>
      </div>
      <div className="lg:sticky lg:top-20">
        <CartSummary cart={data} action={<CheckoutLink cart={data} />} />
      </div>
    </div>
  );
}
