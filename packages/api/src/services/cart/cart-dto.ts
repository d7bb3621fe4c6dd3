import type { Address, CartDto, CartStatus, MediaKind, MediaStatus, QuotedGroup } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { signedReadUrl } from '../media/read-url';

export type Thumbnail = { kind: MediaKind; status: MediaStatus; objectKey: string } | null;

export interface CartHeader {
  id: string;
  status: CartStatus;
  quotedAt: Date;
  validUntil: Date;
  subtotalCents: number;
  lineDiscountsCents: number;
  promoDiscountsCents: number;
  discountsCents: number;
  totalCents: number;
  shippingAddress: Address | null;
  adTokens: string[];
}

/**
 * The one mapping to the cart contract, used for a fresh quote and for a stored one, so `cart.quote` and
 * `cart.get` answer the same shape for the same cart.
 */
export async function toCartDto(
  deps: AppDeps,
  header: CartHeader,
  groups: QuotedGroup[],
  itemIdOf: (productId: string) => string,
  thumbnailOf: (productId: string) => Thumbnail,
): Promise<CartDto> {
  const lines = groups.flatMap((group) => group.lines);
  const urls = new Map(
    await Promise.all(
      lines.map(async (line) => {
        const thumb = thumbnailOf(line.productId);
        return [line.productId, thumb ? await signedReadUrl(deps, thumb) : null] as const;
      }),
    ),
  );
  return {
    id: header.id,
    status: header.status,
    currency: 'USD',
    quotedAt: header.quotedAt.toISOString(),
    validUntil: header.validUntil.toISOString(),
    isExpired: header.validUntil.getTime() <= deps.clock.now().getTime(),
    subtotalCents: header.subtotalCents,
    lineDiscountsCents: header.lineDiscountsCents,
    promoDiscountsCents: header.promoDiscountsCents,
    discountsCents: header.discountsCents,
    totalCents: header.totalCents,
    lineCount: lines.length,
    okLineCount: lines.filter((line) => line.status === 'ok').length,
    shippingAddress: header.shippingAddress,
    adTokens: header.adTokens,
    vendorGroups: groups.map((group) => ({
      vendorStoreId: group.vendorStoreId,
      vendorStoreName: group.vendorStoreName,
      status: group.status,
      warnings: group.warnings,
      subtotalCents: group.subtotalCents,
      lineDiscountsCents: group.lineDiscountsCents,
      promoDiscountCents: group.promoDiscountCents,
      discountsCents: group.discountsCents,
      totalCents: group.totalCents,
      promoCode: group.promoCode,
      promo: group.promo
        ? {
            code: group.promo.code,
            kind: group.promo.kind,
            percentBps: group.promo.percentBps,
            amountCents: group.promo.amountCents,
            discountCents: group.promo.discountCents,
          }
        : null,
      items: group.lines.map((line) => ({
        id: itemIdOf(line.productId),
        productId: line.productId,
        vendorStoreId: line.vendorStoreId,
        title: line.title,
        sku: line.sku,
        thumbnailUrl: urls.get(line.productId) ?? null,
        unit: line.unit,
        requestedQuantity: line.requestedQuantity,
        quantity: line.quantity,
        moq: line.moq,
        maxQty: line.maxQty,
        availableQuantity: line.availableQuantity,
        unitPriceCents: line.unitPriceCents,
        effectiveUnitPriceCents: line.effectiveUnitPriceCents,
        lineSubtotalCents: line.lineSubtotalCents,
        lineDiscountCents: line.lineDiscountCents,
        lineTotalCents: line.lineTotalCents,
        appliedTier: line.appliedTier,
        nextTier: line.nextTier,
        status: line.status,
        warnings: line.warnings,
      })),
    })),
  };
}
