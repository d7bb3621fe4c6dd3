import { MAX_LINE_QUANTITY, QUOTE_TTL_MS, type VendorGroupStatus } from '../commerce/enums';
import type { AppliedPromoDto, CartIntentLine, VendorGroupWarningDto } from '../contracts/cart';
import { AppError } from '../errors';
import { type MergedIntent, type PricedLine, type ProductFacts, priceLine } from './line';
import { decidePromo, PROMO_REJECTION_MESSAGES, type PromoFacts } from './promo';

/** Largest subtotal one cart line or one cart may reach: keeps every stored amount a safe 32-bit integer. */
export const MAX_CART_AMOUNT_CENTS = 1_000_000_000;

export interface QuoteInput {
  lines: readonly CartIntentLine[];
  /** Loaded and visibility-checked by the service; every requested product must be present. */
  products: ReadonlyMap<string, ProductFacts>;
  /** Requested code per vendor (upper-case) in request order; the last one for a vendor wins. */
  promoCodes: readonly { vendorStoreId: string; code: string }[];
  /** Stored promos found for the requested (vendor, code) pairs, keyed `${vendorStoreId}:${code}`. */
  promos: ReadonlyMap<string, PromoFacts>;
  /** Base unit prices of the previous quote, by product. */
  previousPrices: ReadonlyMap<string, number>;
  now: Date;
}

export interface QuotedGroup {
  vendorStoreId: string;
  vendorStoreName: string;
  status: VendorGroupStatus;
  warnings: VendorGroupWarningDto[];
  lines: PricedLine[];
  subtotalCents: number;
  lineDiscountsCents: number;
  promoDiscountCents: number;
  discountsCents: number;
  totalCents: number;
  promoCode: string | null;
  promo: (AppliedPromoDto & { promoId: string; minSubtotalCents: number }) | null;
}

export interface Quote {
  quotedAt: Date;
  validUntil: Date;
  groups: QuotedGroup[];
  subtotalCents: number;
  lineDiscountsCents: number;
  promoDiscountsCents: number;
  discountsCents: number;
  totalCents: number;
  lineCount: number;
  okLineCount: number;
}

export const promoKey = (vendorStoreId: string, code: string) => `${vendorStoreId}:${code.toUpperCase()}`;

/** Repeated products become one line with the quantities added (DOMAIN §12.C10), in first-seen order. */
export function mergeIntentLines(lines: readonly CartIntentLine[]): MergedIntent[] {
  const merged = new Map<string, MergedIntent & { firstIndex: number }>();
  lines.forEach((line, index) => {
    const existing = merged.get(line.productId);
    if (existing) {
      existing.requestedQuantity += line.quantity;
      existing.mergedLines += 1;
      if (existing.requestedQuantity > MAX_LINE_QUANTITY) {
        throw new AppError('VALIDATION_ERROR', 'validation failed', {
          violations: [
            {
              path: `items.${existing.firstIndex}.quantity`,
              code: 'too_big',
              message: `the lines of this product add up to more than ${MAX_LINE_QUANTITY}`,
            },
          ],
        });
      }
    } else {
      merged.set(line.productId, {
        productId: line.productId,
        vendorStoreId: line.vendorStoreId,
        requestedQuantity: line.quantity,
        mergedLines: 1,
        firstIndex: index,
      });
    }
  });
  return [...merged.values()].map(({ firstIndex: _firstIndex, ...intent }) => intent);
}

const tooLarge = (path: string) =>
  new AppError('VALIDATION_ERROR', 'validation failed', {
    violations: [{ path, code: 'amount_too_large', message: 'this order is larger than one checkout can take' }],
  });

function quoteGroup(vendorStoreId: string, lines: PricedLine[], code: string | null, input: QuoteInput): QuotedGroup {
  const ok = lines.filter((line) => line.status === 'ok');
  const subtotalCents = ok.reduce((sum, line) => sum + line.lineSubtotalCents, 0);
  const lineDiscountsCents = ok.reduce((sum, line) => sum + line.lineDiscountCents, 0);
  const warnings: VendorGroupWarningDto[] = [];
  const status: VendorGroupStatus = ok.length > 0 ? 'ok' : 'invalid';
  if (status === 'invalid') warnings.push({ code: 'vendor_invalid', message: 'No valid items for this vendor.' });
  let promo: QuotedGroup['promo'] = null;
  if (code) {
    const stored = input.promos.get(promoKey(vendorStoreId, code)) ?? null;
    const decision = decidePromo(stored, subtotalCents - lineDiscountsCents, input.now);
    if (decision.applies && stored) {
      promo = {
        promoId: stored.id,
        code: stored.code,
        kind: stored.kind,
        percentBps: stored.percentBps,
        amountCents: stored.amountCents,
        minSubtotalCents: stored.minSubtotalCents,
        discountCents: decision.discountCents,
      };
    } else if (!decision.applies) {
      warnings.push({
        code: 'invalid_promo',
        message: PROMO_REJECTION_MESSAGES[decision.reason],
        reason: decision.reason,
        ...(decision.minSubtotalCents !== undefined ? { minSubtotalCents: decision.minSubtotalCents } : {}),
      });
    }
  }
  const promoDiscountCents = promo?.discountCents ?? 0;
  const discountsCents = lineDiscountsCents + promoDiscountCents;
  return {
    vendorStoreId,
    vendorStoreName: lines[0]?.vendorStoreName ?? '',
    status,
    warnings,
    lines,
    subtotalCents,
    lineDiscountsCents,
    promoDiscountCents,
    discountsCents,
    totalCents: subtotalCents - discountsCents,
    promoCode: code,
    promo,
  };
}

/**
 * The one authoritative cart price (DOMAIN §4): pure, so the service, the tests and any future preview price a
 * cart identically. Lines are grouped by the product's real vendor, in first-seen order.
 */
export function quoteCart(input: QuoteInput): Quote {
  const priced = mergeIntentLines(input.lines).map((intent) => {
    const facts = input.products.get(intent.productId);
    if (!facts) throw new Error(`quoteCart: no facts for product ${intent.productId}`);
    return priceLine(intent, facts, input.previousPrices.get(intent.productId));
  });
  priced.forEach((line, index) => {
    if (line.lineSubtotalCents > MAX_CART_AMOUNT_CENTS) throw tooLarge(`items.${index}.quantity`);
  });
  const byVendor = new Map<string, PricedLine[]>();
  for (const line of priced) byVendor.set(line.vendorStoreId, [...(byVendor.get(line.vendorStoreId) ?? []), line]);
  const codes = new Map(input.promoCodes.map((entry) => [entry.vendorStoreId, entry.code.toUpperCase()]));
  const groups = [...byVendor].map(([vendorId, lines]) =>
    quoteGroup(vendorId, lines, codes.get(vendorId) ?? null, input),
  );
  const sum = (pick: (group: QuotedGroup) => number) => groups.reduce((total, group) => total + pick(group), 0);
  const subtotalCents = sum((group) => group.subtotalCents);
  if (subtotalCents > MAX_CART_AMOUNT_CENTS) throw tooLarge('items');
  const lineDiscountsCents = sum((group) => group.lineDiscountsCents);
  const promoDiscountsCents = sum((group) => group.promoDiscountCents);
  return {
    quotedAt: input.now,
    validUntil: new Date(input.now.getTime() + QUOTE_TTL_MS),
    groups,
    subtotalCents,
    lineDiscountsCents,
    promoDiscountsCents,
    discountsCents: lineDiscountsCents + promoDiscountsCents,
    totalCents: sum((group) => group.totalCents),
    lineCount: priced.length,
    okLineCount: priced.filter((line) => line.status === 'ok').length,
  };
}
