import { billingCustomers, stores, subscriptions, type Transaction } from '@pf/db';
import { isUuid } from '@pf/domain';
import { and, eq } from 'drizzle-orm';

/**
 * Which vendor store a provider object belongs to: the store id we put in its metadata, else the store that
 * already mirrors the subscription, else the store the customer was created for. Null: not ours (a
 * subscription made by hand in the provider's dashboard for something else).
 */
export async function resolveStoreId(
  tx: Transaction,
  hints: { storeId: string | null | undefined; subscriptionId: string | null; customerId: string | null },
): Promise<string | null> {
  if (hints.storeId && isUuid(hints.storeId)) {
    const [store] = await tx
      .select({ id: stores.id })
      .from(stores)
      .where(and(eq(stores.id, hints.storeId), eq(stores.type, 'vendor')));
    if (store) return store.id;
  }
  if (hints.subscriptionId) {
    const [mirrored] = await tx
      .select({ storeId: subscriptions.storeId })
      .from(subscriptions)
      .where(eq(subscriptions.providerSubscriptionId, hints.subscriptionId));
    if (mirrored) return mirrored.storeId;
  }
  if (hints.customerId) {
    const [customer] = await tx
      .select({ storeId: billingCustomers.storeId })
      .from(billingCustomers)
      .where(eq(billingCustomers.providerCustomerId, hints.customerId));
    if (customer) return customer.storeId;
  }
  return null;
}
