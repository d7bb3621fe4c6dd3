'use client';

import type { CartLineDto } from '@pf/domain';
import { AlertTriangle, ImageOff, Info, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { withoutProduct, withQuantity } from '@/lib/cart-intent';
import { BLOCKING_LINE_WARNINGS, lineWarningText } from '@/lib/cart-messages';
import { nextTierHint, quantityBounds } from '@/lib/cart-quantity';
import { formatMoney, formatPercent, UNIT_LABELS } from '@/lib/catalog-format';
import { QuantityStepper } from './quantity-stepper';
import { reportCartError, useCartActions } from './use-cart';

/**
 * One product of the cart: price (volume tier applied), a bounded stepper, the next tier in reach (with a
 * one-click top-up), its warnings (amber) and blocking problems (red), and remove.
 */
export function CartLine({ line }: { line: CartLineDto }) {
  const { change, busy } = useCartActions();
  const target = { productId: line.productId, vendorStoreId: line.vendorStoreId };
  const setQuantity = (quantity: number) =>
    change((intent) => withQuantity(intent, target, quantity)).catch(reportCartError);
  const bounds = quantityBounds({ moq: line.moq, maxQty: line.maxQty, available: line.availableQuantity });
  const ordered = line.status === 'ok';
  const discounted = line.effectiveUnitPriceCents < line.unitPriceCents;
  return (
    <li className="flex gap-3 py-4" data-testid="cart-line" data-product-id={line.productId} data-status={line.status}>
      <div className="relative h-16 w-16 shrink-0 overflow-hidden rounded-md bg-gray-100">
        {line.thumbnailUrl ? (
          // biome-ignore lint/performance/noImgElement: signed storage URL at thumbnail size.
          <img src={line.thumbnailUrl} alt="" width={64} height={64} className="h-full w-full object-cover" />
        ) : (
          <ImageOff className="m-auto mt-5 h-6 w-6 text-gray-400" aria-hidden />
        )}
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <div className="min-w-0">
            <Link
              href={`/buyer/products/${line.productId}`}
              className="font-medium text-gray-900 underline-offset-2 hover:underline"
            >
              {line.title}
            </Link>
            <p className="text-xs text-gray-600">
              SKU {line.sku} ·{' '}
              {discounted ? (
                <>
                  <del className="text-gray-500">
                    <span className="sr-only">was </span>
                    {formatMoney(line.unitPriceCents)}
                  </del>{' '}
                </>
              ) : null}
              <span className="text-gray-800">{formatMoney(line.effectiveUnitPriceCents)}</span> /{' '}
              {UNIT_LABELS[line.unit]}
            </p>
          </div>
          <p className="text-right tabular-nums" data-testid="line-total">
            {ordered ? (
              <span className="font-semibold text-gray-900">{formatMoney(line.lineTotalCents)}</span>
            ) : (
              <Badge tone="danger">Not ordered</Badge>
            )}
            {ordered && line.lineDiscountCents > 0 ? (
              <span className="block text-xs text-brand-800">−{formatMoney(line.lineDiscountCents)} volume</span>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {bounds.orderable ? (
            <QuantityStepper
              size="sm"
              value={line.quantity}
              bounds={bounds}
              label={`Quantity of ${line.title}`}
              disabled={busy}
              onCommit={setQuantity}
            />
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            disabled={busy}
            aria-label={`Remove ${line.title}`}
            onClick={() => change((intent) => withoutProduct(intent, line.productId)).catch(reportCartError)}
          >
            <Trash2 className="h-4 w-4" aria-hidden /> <span className="hidden sm:inline">Remove</span>
          </Button>
          {line.appliedTier ? (
            <Badge tone="success" data-testid="applied-tier">
              {formatPercent(line.appliedTier.discountPercent)} volume discount ({line.appliedTier.minQty}+)
            </Badge>
          ) : null}
        </div>
        {ordered && line.nextTier ? (
          <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700" data-testid="next-tier">
            <Info className="h-4 w-4 text-brand-700" aria-hidden />
            {nextTierHint(line.nextTier)} ({formatMoney(line.nextTier.effectiveUnitPriceCents)} each)
            <Button
              size="sm"
              variant="link"
              className="h-auto"
              disabled={busy}
              onClick={() => setQuantity(line.quantity + (line.nextTier?.additionalQuantity ?? 0))}
            >
              Add {line.nextTier.additionalQuantity}
              <span className="sr-only"> more of {line.title}</span>
            </Button>
          </p>
        ) : null}
        {line.warnings.length > 0 ? (
          <ul className="space-y-1" data-testid="line-warnings">
            {line.warnings.map((warning) => {
              const blocking = BLOCKING_LINE_WARNINGS.has(warning.code);
              return (
                <li
                  key={warning.code}
                  data-code={warning.code}
                  className={
                    blocking
                      ? 'flex items-start gap-2 text-sm text-red-800'
                      : 'flex items-start gap-2 text-sm text-amber-800'
                  }
                >
                  <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                  <span>
                    <span className="sr-only">{blocking ? 'Problem: ' : 'Note: '}</span>
                    {lineWarningText(warning)}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
