'use client';

import type { Address, CartDto, CheckoutResultDto, PaymentMethod } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Banknote, MapPin } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { checkoutRefusal, PAYMENT_METHOD_LABELS } from '@/lib/cart-messages';
import { formatMoney, formatQuantity } from '@/lib/catalog-format';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { CartSkeleton, CartSummary, EmptyCart } from './cart-view';
import { useQuoteSecondsLeft } from './quote-timer';
import { reportCartError, useCart, useCartActions } from './use-cart';
import { TotalRow } from './vendor-group';

export function AddressLines({ address }: { address: Address }) {
  return (
    <address className="not-italic text-sm leading-relaxed text-gray-800" data-testid="delivery-address">
      {address.line1}
      {address.line2 ? (
        <>
          <br />
          {address.line2}
        </>
      ) : null}
      <br />
      {address.city}, {address.state} {address.postalCode}
    </address>
  );
}

/** Each vendor's order as it will be placed: the lines that will be ordered, those that will not, its total. */
function VendorReview({ group }: { group: CartDto['vendorGroups'][number] }) {
  const skipped = group.items.filter((line) => line.status !== 'ok');
  return (
    <section
      className="space-y-2 py-4 first:pt-0 last:pb-0"
      aria-label={`${group.vendorStoreName} order`}
      data-testid="review-group"
    >
      <h3 className="font-semibold text-gray-900">{group.vendorStoreName}</h3>
      <ul className="space-y-1 text-sm">
        {group.items
          .filter((line) => line.status === 'ok')
          .map((line) => (
            <li key={line.productId} className="flex justify-between gap-3">
              <span className="min-w-0 text-gray-800">
                {line.title}{' '}
                <span className="text-gray-600">
                  · {formatQuantity(line.quantity, line.unit)} × {formatMoney(line.effectiveUnitPriceCents)}
                </span>
              </span>
              <span className="shrink-0 tabular-nums text-gray-900">{formatMoney(line.lineTotalCents)}</span>
            </li>
          ))}
        {skipped.map((line) => (
          <li key={line.productId} className="flex justify-between gap-3 text-red-800">
            <span className="min-w-0">
              {line.title} <span className="sr-only">: </span>
            </span>
            <Badge tone="danger">Will not be ordered</Badge>
          </li>
        ))}
      </ul>
      <dl className="space-y-1 text-sm">
        {group.promo ? (
          <TotalRow label={`Promo ${group.promo.code}`} cents={group.promoDiscountCents} negative />
        ) : null}
        <TotalRow label="Order total" cents={group.totalCents} strong />
      </dl>
    </section>
  );
}

function PlaceOrder({ cart, method }: { cart: CartDto; method: PaymentMethod }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const seconds = useQuoteSecondsLeft(cart);
  const { change, busy } = useCartActions();
  const [refusal, setRefusal] = useState<{ text: string; requote: boolean; requestId?: string } | null>(null);
  const submit = useMutation(
    trpc.checkout.submit.mutationOptions({
      onSuccess: (result: CheckoutResultDto) => {
        queryClient.setQueryData(trpc.checkout.confirmation.queryKey({ identifier: result.checkoutGroupId }), result);
        router.push(`/buyer/checkout/${result.checkoutGroupId}`);
        queryClient.setQueryData(trpc.cart.get.queryKey(), null);
      },
      onError: (error) => {
        const info = apiErrorInfo(error);
        setRefusal({ ...checkoutRefusal(info.code, info.message), requestId: info.requestId });
      },
    }),
  );
  const expired = seconds === 0;
  return (
    <div className="space-y-3">
      <Button
        size="lg"
        className="w-full"
        disabled={submit.isPending || submit.isSuccess || expired || busy || cart.okLineCount === 0}
        onClick={() => {
          setRefusal(null);
          submit.mutate({ cartId: cart.id, paymentMethod: method });
        }}
      >
        {submit.isPending || submit.isSuccess ? 'Placing order…' : `Place order · ${formatMoney(cart.totalCents)}`}
      </Button>
      {refusal ? (
        <div
          role="alert"
          className="space-y-2 rounded-md bg-red-50 p-3 text-sm text-red-800"
          data-testid="checkout-refusal"
        >
          <p className="flex items-start gap-2">
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            {refusal.text}
          </p>
          {refusal.requestId ? <p className="text-xs">Request id {refusal.requestId}</p> : null}
          {refusal.requote ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() =>
                change((intent) => intent)
                  .then(() => setRefusal(null))
                  .catch(reportCartError)
              }
            >
              Re-quote
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** /buyer/checkout: delivery address, payment method, a review per vendor, and one button for every order. */
export function CheckoutView({ storeAddress }: { storeAddress: Address | null }) {
  const cart = useCart();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  if (cart.isPending) return <CartSkeleton />;
  const data = cart.data;
  if (!data) return <EmptyCart />;
  const address = data.shippingAddress ?? storeAddress;
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-4">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <MapPin className="h-4 w-4 text-gray-500" aria-hidden /> Delivery address
            </CardTitle>
          </CardHeader>
          <CardBody className="space-y-2">
            {address ? (
              <AddressLines address={address} />
            ) : (
              <p className="text-sm text-gray-700">No address on file.</p>
            )}
            <p className="text-xs text-gray-600">
              Orders are delivered to your store’s licensed address.{' '}
              <Link href="/settings/store" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                Store settings
              </Link>
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Banknote className="h-4 w-4 text-gray-500" aria-hidden /> Payment
            </CardTitle>
          </CardHeader>
          <CardBody>
            <fieldset className="space-y-2">
              <legend className="sr-only">Payment method</legend>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-brand-600 bg-brand-50 p-3 text-sm">
                <input
                  type="radio"
                  name="payment-method"
                  value="cash"
                  checked={method === 'cash'}
                  onChange={() => setMethod('cash')}
                  className="mt-0.5 h-4 w-4 accent-brand-700"
                />
                <span>
                  <span className="block font-medium text-gray-900">{PAYMENT_METHOD_LABELS.cash}</span>
                  <span className="text-gray-600">The delivery agent collects each vendor order’s total in cash.</span>
                </span>
              </label>
              <p className="text-xs text-gray-600">
                ACH bank transfer is available only to stores enrolled for it; ask PackFinderz support to enable it.
              </p>
            </fieldset>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Review your orders</CardTitle>
          </CardHeader>
          <CardBody className="divide-y divide-gray-100">
            {data.vendorGroups.map((group) => (
              <VendorReview key={group.vendorStoreId} group={group} />
            ))}
          </CardBody>
        </Card>
        <Link
          href="/buyer/cart"
          className="inline-block text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
        >
          Back to cart
        </Link>
      </div>
      <div className="lg:sticky lg:top-20">
        <CartSummary cart={data} action={<PlaceOrder cart={data} method={method} />} />
      </div>
    </div>
  );
}
