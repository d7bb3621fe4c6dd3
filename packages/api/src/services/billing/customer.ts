import { billingCustomers, stores } from '@pf/db';
import { AppError } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';

export async function customerIdOf(deps: Pick<AppDeps, 'db'>, storeId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ id: billingCustomers.providerCustomerId })
    .from(billingCustomers)
    .where(eq(billingCustomers.storeId, storeId));
  return row?.id ?? null;
}

/**
 * The store's provider customer, created on first need. The idempotency key is the store's own, so two
 * concurrent first checkouts create one customer at the provider, and the row is written once.
 */
export async function ensureCustomer(deps: AppDeps, storeId: string): Promise<string> {
  const existing = await customerIdOf(deps, storeId);
  if (existing) return existing;
  const [store] = await deps.db
    .select({ name: stores.companyName, email: stores.email })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!store) throw new AppError('NOT_FOUND', 'Store not found.');
  const { customerId } = await deps.payments.createCustomer({
    storeId,
    name: store.name,
    email: store.email,
    idempotencyKey: `customer:${storeId}`,
  });
  await deps.db
    .insert(billingCustomers)
    .values({ storeId, provider: deps.payments.kind, providerCustomerId: customerId, createdAt: deps.clock.now() })
    .onConflictDoNothing();
  return (await customerIdOf(deps, storeId)) ?? customerId;
}
