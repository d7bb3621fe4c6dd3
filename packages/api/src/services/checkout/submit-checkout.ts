import { randomUUID } from 'node:crypto';
import { cartRecords, orderLineItems, paymentIntents, type Transaction, vendorOrders } from '@pf/db';
import { AppError, type CheckoutFailureReason, type CheckoutResultDto, type CheckoutSubmitRequest } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { assertVerifiedBuyer, buyerStateOf } from '../cart/buyer-gate';
import { loadCartContents } from '../cart/stored-cart';
import type { ActiveStore } from '../types';
import { emitCheckoutEvents } from './checkout-events';
import { type CheckoutFacts, loadCheckoutFacts, vendorFailure } from './checkout-facts';
import { loadCheckoutRecord, toCheckoutResult } from './checkout-result';
import { draftOrders, linesToReserve, orderRows } from './plan-orders';
import { consumePromos, reserveStock } from './reserve';

const invalidField = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', 'validation failed', { violations: [{ path, code: 'invalid', message }] });

function addressesFor(input: CheckoutSubmitRequest, facts: CheckoutFacts, buyerState: string) {
  const shippingAddress = input.shippingAddress ?? facts.buyer.address;
  if (!shippingAddress) throw invalidField('shippingAddress', 'is required: your store has no address');
  if (shippingAddress.state.toUpperCase() !== buyerState) {
    throw invalidField('shippingAddress.state', `must be in ${buyerState}, where your store is licensed`);
  }
  return { shippingAddress, billingAddress: input.billingAddress ?? shippingAddress };
}

/**
 * `checkout.submit` (DOMAIN §5.9) in ONE transaction on `deps.db` (which may itself be a transaction, making
 * this a savepoint). The cart row is locked first, so concurrent submits of one cart serialize and the later
 * ones replay the converted cart. Stock is reserved by one conditional statement; lines and vendors fail
 * independently; each vendor order gets exactly one payment intent for its total over reserved lines.
 */
export async function submitCheckout(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: CheckoutSubmitRequest,
): Promise<CheckoutResultDto> {
  assertVerifiedBuyer(store);
  return deps.db.transaction(async (tx) => {
    const [cart] = await tx
      .select()
      .from(cartRecords)
      .where(and(eq(cartRecords.id, input.cartId), eq(cartRecords.buyerStoreId, store.id)))
      .for('update');
    if (!cart) throw new AppError('NOT_FOUND', 'Cart not found.');
    if (cart.status === 'converted') return toCheckoutResult(deps, await loadCheckoutRecord(tx, store.id, cart.id));
    const now = deps.clock.now();
    if (cart.validUntil.getTime() <= now.getTime()) {
      throw new AppError('QUOTE_EXPIRED', 'This quote has expired. Refresh the cart to see current prices.', {
        details: { validUntil: cart.validUntil.toISOString() },
      });
    }
    const contents = await loadCartContents(tx, cart);
    const okItems = contents.items.filter((item) => item.status === 'ok');
    if (okItems.length === 0) throw new AppError('CONFLICT', 'Nothing in this cart can be ordered. Update the cart.');
    return placeOrders(deps, tx, { actorUserId, store, input, cart, contents, okItems, now });
  });
}

type PlaceArgs = {
  actorUserId: string;
  store: ActiveStore;
  input: CheckoutSubmitRequest;
  cart: Awaited<ReturnType<typeof loadCartContents>>['row'];
  contents: Awaited<ReturnType<typeof loadCartContents>>;
  okItems: Awaited<ReturnType<typeof loadCartContents>>['items'];
  now: Date;
};

async function placeOrders(deps: AppDeps, tx: Transaction, args: PlaceArgs): Promise<CheckoutResultDto> {
  const { store, input, cart, contents, okItems, now } = args;
  const vendorIds = [...new Set(okItems.map((item) => item.vendorStoreId))];
  const facts = await loadCheckoutFacts(
    tx,
    store.id,
    vendorIds,
    okItems.map((item) => item.productId),
    now.toISOString().slice(0, 10),
  );
  if (facts.buyer.kyc !== 'verified') assertVerifiedBuyer({ kycStatus: facts.buyer.kyc });
  const buyerState = buyerStateOf(facts.buyer.address);
  if (facts.buyerLicenseStates.size === 0) {
    throw new AppError('FORBIDDEN', 'Your store needs a verified, unexpired license to order.');
  }
  if (input.paymentMethod === 'ach' && !facts.buyer.achEnabled) {
    throw invalidField('paymentMethod', 'ACH is not enabled for your store; pay cash on delivery');
  }
  const addresses = addressesFor(input, facts, buyerState);
  const failures = new Map<string, CheckoutFailureReason | null>(
    vendorIds.map((vendorId) => [vendorId, vendorFailure(facts, vendorId, buyerState)]),
  );
  const reserved = await reserveStock(tx, linesToReserve(contents.groups, okItems, facts, failures), now);
  const drafts = draftOrders(contents.groups, okItems, facts, failures, reserved);
  const promoIds = drafts.flatMap((draft) =>
    draft.group.promo && draft.totals.promoQualifies ? [draft.group.promo.promoId] : [],
  );
  const consumed = await consumePromos(tx, promoIds, now);
  const checkoutGroupId = randomUUID();
  const rows = orderRows(drafts, consumed, facts, {
    cartId: cart.id,
    checkoutGroupId,
    buyerStoreId: store.id,
    paymentMethod: input.paymentMethod,
    ...addresses,
    now,
  });
  const orders = await tx.insert(vendorOrders).values(rows.orders).returning();
  const [lines, intents] = [
    await tx.insert(orderLineItems).values(rows.lines).returning(),
    await tx.insert(paymentIntents).values(rows.intents).returning(),
  ];
  const [converted] = await tx
    .update(cartRecords)
    .set({
      status: 'converted',
      checkoutGroupId,
      convertedAt: now,
      paymentMethod: input.paymentMethod,
      ...addresses,
      updatedAt: now,
    })
    .where(and(eq(cartRecords.id, cart.id), eq(cartRecords.status, 'active')))
    .returning();
  if (!converted) throw new Error(`cart ${cart.id} changed under its lock`);
  const result = await toCheckoutResult(deps, {
    cart: converted,
    orders,
    lines,
    intents,
    skipped: contents.items.filter((item) => item.status !== 'ok'),
    thumbnails: new Map(
      contents.items.flatMap((item) => {
        const thumb = contents.thumbnails.get(item.productId);
        return item.thumbnailMediaId && thumb ? [[item.thumbnailMediaId, thumb] as const] : [];
      }),
    ),
  });
  await emitCheckoutEvents(tx, result, { userId: args.actorUserId, storeId: store.id }, store.id, cart.adTokens, now);
  return result;
}
