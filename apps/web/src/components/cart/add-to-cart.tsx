'use client';

import type { CartDto, ProductDetailDto, ProductUnit } from '@pf/domain';
import { ShoppingCart } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { withAdded, withQuantity } from '@/lib/cart-intent';
import { nextTierHint, quantityBounds, tierPreview, tierPriceText } from '@/lib/cart-quantity';
import { formatCount, formatQuantity } from '@/lib/catalog-format';
import { QuantityStepper } from './quantity-stepper';
import { reportCartError, useCart, useCartActions } from './use-cart';

const lineOf = (cart: CartDto | null | undefined, productId: string) =>
  cart?.vendorGroups.flatMap((group) => group.items).find((line) => line.productId === productId);

/** After an add: what the cart now holds of the product and the next tier in reach (the server's numbers). */
function announceAdded(cart: CartDto | null, productId: string, title: string, openCart: () => void) {
  const line = lineOf(cart, productId);
  if (!line) return;
  const warning = line.warnings.find((item) => item.code !== 'merged_duplicates');
  toast.success(`${title}: ${formatQuantity(line.quantity, line.unit)} in your cart`, {
    description: warning?.message ?? (line.nextTier ? nextTierHint(line.nextTier) : undefined),
    action: { label: 'View cart', onClick: openCart },
  });
}

interface CardProduct {
  id: string;
  title: string;
  unit: ProductUnit;
  moq: number;
  availability: 'in_stock' | 'below_moq' | 'out_of_stock';
  vendor: { id: string };
}

/**
 * On a grid card: "Add to cart" puts one minimum order in the cart; once there, a stepper changes the quantity
 * (bounded by the quote's MOQ, per-order max and free stock) and the next tier is hinted.
 */
export function CardCartControl({ product }: { product: CardProduct }) {
  const cart = useCart();
  const { change, busy } = useCartActions();
  const router = useRouter();
  const line = lineOf(cart.data, product.id);
  const target = { productId: product.id, vendorStoreId: product.vendor.id };
  if (!line && product.availability !== 'in_stock') return null;
  if (!line) {
    return (
      <Button
        size="sm"
        variant="secondary"
        className="relative z-10 mt-1 w-full"
        aria-label={`Add to cart: ${product.title}`}
        disabled={busy || cart.isPending}
        onClick={() =>
          change((intent) => withAdded(intent, target, product.moq))
            .then((next) => announceAdded(next, product.id, product.title, () => router.push('/buyer/cart')))
            .catch(reportCartError)
        }
      >
        <ShoppingCart className="h-4 w-4" aria-hidden /> Add to cart
      </Button>
    );
  }
  const bounds = quantityBounds({ moq: line.moq, maxQty: line.maxQty, available: line.availableQuantity });
  if (!bounds.orderable) {
    return (
      <p className="relative z-10 mt-1 text-xs text-red-800" data-testid="card-cart">
        {formatQuantity(line.quantity, line.unit)} in your{' '}
        <Link href="/buyer/cart" className="font-medium underline underline-offset-2">
          cart
        </Link>
        , not enough stock to order.
      </p>
    );
  }
  return (
    <div className="relative z-10 mt-1 space-y-1" data-testid="card-cart">
      <QuantityStepper
        size="sm"
        value={line.quantity}
        bounds={bounds}
        label={`Quantity of ${product.title} in cart`}
        disabled={busy}
        onCommit={(quantity) => change((intent) => withQuantity(intent, target, quantity)).catch(reportCartError)}
      />
      {line.nextTier ? <p className="text-xs text-brand-800">{nextTierHint(line.nextTier)}</p> : null}
    </div>
  );
}

/**
 * On the product page: pick a quantity (MOQ to the smaller of the per-order max and the free stock), see the
 * tier it reaches and the next one, then add it (or update what the cart already holds).
 */
export function ProductCartPanel({ product }: { product: ProductDetailDto }) {
  const cart = useCart();
  const { change, busy } = useCartActions();
  const router = useRouter();
  const line = lineOf(cart.data, product.id);
  const bounds = quantityBounds({ moq: product.moq, maxQty: product.maxQty, available: product.availableQty });
  const [quantity, setQuantity] = useState<number | null>(null);
  const chosen = quantity ?? line?.quantity ?? bounds.min;
  const preview = tierPreview(product.priceCents, product.volumeDiscounts, chosen, bounds);
  const target = { productId: product.id, vendorStoreId: product.vendor.id };

  if (!bounds.orderable) {
    return (
      <p className="text-sm text-gray-700" data-testid="cart-panel">
        Not enough stock for a minimum order right now.
      </p>
    );
  }
  const submit = () =>
    change((intent) => withQuantity(intent, target, chosen))
      .then((next) => {
        setQuantity(null);
        announceAdded(next, product.id, product.title, () => router.push('/buyer/cart'));
      })
      .catch(reportCartError);
  return (
    <div className="space-y-3 rounded-lg border border-gray-200 bg-gray-50 p-4" data-testid="cart-panel">
      <div className="flex flex-wrap items-center gap-3">
        <QuantityStepper
          value={chosen}
          bounds={bounds}
          label={`Quantity of ${product.title}`}
          commitOnSettle={false}
          onCommit={setQuantity}
        />
        <Button onClick={submit} disabled={busy || cart.isPending || (line?.quantity === chosen && quantity === null)}>
          <ShoppingCart className="h-4 w-4" aria-hidden /> {line ? 'Update cart' : 'Add to cart'}
        </Button>
      </div>
      <div className="space-y-1 text-sm" aria-live="polite" data-testid="tier-hint">
        {preview.current ? <p className="font-medium text-brand-800">{tierPriceText(preview.current)}</p> : null}
        {preview.next ? (
          <p className="text-gray-700">
            Add {formatCount(preview.next.additionalQuantity)} more for {tierPriceText(preview.next)}
          </p>
        ) : null}
        <p className="text-xs text-gray-600">
          {line ? (
            <>
              {formatQuantity(line.quantity, line.unit)} in your{' '}
              <Link href="/buyer/cart" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                cart
              </Link>
              .{' '}
            </>
          ) : null}
          MOQ {formatQuantity(bounds.min, product.unit)}
          {bounds.max !== null ? `, up to ${formatQuantity(bounds.max, product.unit)} per order` : ''}. Final prices
          come from your cart’s quote.
        </p>
      </div>
    </div>
  );
}
