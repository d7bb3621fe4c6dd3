'use client';

import type { CheckoutResultDto, CheckoutVendorOrderDto } from '@pf/domain';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { failureText, lineWarningText, orderStatusBadge, PAYMENT_METHOD_LABELS } from '@/lib/cart-messages';
import { formatMoney, formatQuantity } from '@/lib/catalog-format';
import { countOf } from '@/lib/plural';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { AddressLines } from './checkout-view';
import { TotalRow } from './vendor-group';

const ORDER = { one: 'order', other: 'orders' };
const LINE = { one: 'line', other: 'lines' };

function VendorOrder({ order }: { order: CheckoutVendorOrderDto }) {
  const status = orderStatusBadge(order.status);
  return (
    <Card
      role="region"
      aria-label={`Order ${order.orderNumber} from ${order.vendorStoreName}`}
      data-testid="vendor-order"
    >
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-gray-900">{order.vendorStoreName}</h2>
          <p className="text-sm text-gray-600" data-testid="order-number">
            Order #{order.orderNumber}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Badge tone={status.tone} data-testid="order-status">
            {status.label}
          </Badge>
          <span className="font-semibold tabular-nums text-gray-900" data-testid="order-total">
            {formatMoney(order.totalCents)}
          </span>
        </div>
      </CardHeader>
      <CardBody className="space-y-3">
        {order.failureReason ? (
          <p className="flex items-start gap-2 text-sm text-red-800">
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            {failureText(order.failureReason, order.failureMessage)}
          </p>
        ) : null}
        <ul className="divide-y divide-gray-100 text-sm">
          {order.lines.map((line) => {
            const failed = line.status === 'rejected';
            return (
              <li
                key={line.lineItemId}
                className="flex flex-wrap justify-between gap-x-3 gap-y-1 py-2"
                data-testid="order-line"
                data-status={line.status}
              >
                <span className="min-w-0">
                  <span className={failed ? 'text-gray-500 line-through' : 'text-gray-900'}>{line.title}</span>{' '}
                  <span className="text-gray-600">
                    · {formatQuantity(line.quantity, line.unit)}
                    {line.tierLabel ? ` · ${line.tierLabel}` : ''}
                  </span>
                  {failed ? (
                    <span className="mt-1 flex items-start gap-1.5 text-red-800" data-testid="line-failure">
                      <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                      Not ordered: {failureText(line.failureReason, line.failureMessage)}
                    </span>
                  ) : null}
                </span>
                <span className="shrink-0 tabular-nums text-gray-900">
                  {failed ? <Badge tone="danger">Failed</Badge> : formatMoney(line.totalCents)}
                </span>
              </li>
            );
          })}
        </ul>
        <dl className="space-y-1 border-t border-gray-100 pt-3 text-sm">
          <TotalRow label="Subtotal" cents={order.subtotalCents} />
          {order.lineDiscountsCents > 0 ? (
            <TotalRow label="Volume discounts" cents={order.lineDiscountsCents} negative />
          ) : null}
          {order.promo ? (
            <TotalRow label={`Promo ${order.promo.code}`} cents={order.promoDiscountCents} negative />
          ) : null}
          <TotalRow
            label={order.paymentMethod === 'cash' ? 'Due in cash on delivery' : 'Due by ACH transfer'}
            cents={order.balanceDueCents}
            strong
          />
        </dl>
        {order.warnings.map((warning) => (
          <p key={warning.code} className="text-sm text-amber-800">
            {warning.message}
          </p>
        ))}
      </CardBody>
    </Card>
  );
}

function Confirmation({ result }: { result: CheckoutResultDto }) {
  const failed = result.failedLineCount + result.skippedItems.length;
  return (
    <>
      <PageHeader
        title={result.placedOrderCount > 0 ? 'Order placed' : 'Nothing could be ordered'}
        description={`${countOf(result.placedOrderCount, ORDER)} sent to ${
          result.placedOrderCount === 1 ? 'its vendor' : 'their vendors'
        }. Vendors accept or decline each line; you will get a notification.`}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          {failed > 0 ? (
            <p
              className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
              data-testid="failed-summary"
            >
              <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              {countOf(failed, LINE)} could not be ordered; the reason is shown on each.
            </p>
          ) : (
            <p className="flex items-center gap-2 text-sm text-green-800">
              <CheckCircle2 className="h-4 w-4" aria-hidden /> Every line was reserved.
            </p>
          )}
          {result.vendorOrders.map((order) => (
            <VendorOrder key={order.orderId} order={order} />
          ))}
          {result.skippedItems.length > 0 ? (
            <Card role="region" aria-label="Not sent to a vendor">
              <CardHeader>
                <h2 className="text-base font-semibold text-gray-900">Not sent to a vendor</h2>
              </CardHeader>
              <CardBody>
                <ul className="divide-y divide-gray-100 text-sm">
                  {result.skippedItems.map((item) => (
                    <li key={item.cartItemId} className="py-2" data-testid="skipped-line">
                      <span className="text-gray-900">{item.title}</span>{' '}
                      <span className="text-red-800">
                        · {item.warnings[0] ? lineWarningText(item.warnings[0]) : 'Not available at checkout.'}
                      </span>
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
        </div>
        <Card>
          <CardHeader>
            <h2 className="text-base font-semibold text-gray-900">Summary</h2>
          </CardHeader>
          <CardBody className="space-y-4 text-sm">
            <dl className="space-y-1">
              <TotalRow label="Subtotal" cents={result.subtotalCents} />
              {result.discountsCents > 0 ? <TotalRow label="Discounts" cents={result.discountsCents} negative /> : null}
              <TotalRow label="Total" cents={result.totalCents} strong />
            </dl>
            <div>
              <h3 className="font-medium text-gray-900">Payment</h3>
              <p className="text-gray-700">{PAYMENT_METHOD_LABELS[result.paymentMethod]}</p>
            </div>
            <div>
              <h3 className="font-medium text-gray-900">Delivery to</h3>
              <AddressLines address={result.shippingAddress} />
            </div>
            <Link href="/buyer/marketplace" className={buttonVariants({ variant: 'secondary', className: 'w-full' })}>
              Keep shopping
            </Link>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

/** /buyer/checkout/[id]: every vendor order of one checkout with live statuses, and every line that failed. */
export function ConfirmationView({ identifier }: { identifier: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.checkout.confirmation.queryOptions({ identifier }), retry: false });
  if (query.isPending) {
    return (
      <div className="space-y-4" data-testid="confirmation-loading">
        <span className="sr-only" role="status">
          Loading your orders…
        </span>
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (query.error) {
    const info = apiErrorInfo(query.error);
    return (
      <>
        <PageHeader title="Checkout not found" />
        <p role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800">
          {info.code === 'NOT_FOUND' || info.code === 'VALIDATION_FAILED'
            ? 'There is no checkout with this id for your store.'
            : info.message}
          {info.requestId ? ` (request id ${info.requestId})` : ''}
        </p>
      </>
    );
  }
  return <Confirmation result={query.data} />;
}
