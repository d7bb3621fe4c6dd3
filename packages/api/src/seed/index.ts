import { findUserByEmail, products, stores, users } from '@pf/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { seedBilling } from './billing';
import { seedDemoCart } from './demo-cart';
import { type SeedContext, seedBuyer, seedVendor } from './marketplace-stores';
import { DEMO_ACCOUNTS, DEMO_BUYER, DEMO_PASSWORD, DEMO_VENDORS } from './profiles';

export { DEMO_ACCOUNTS, DEMO_BUYER, DEMO_PASSWORD, DEMO_VENDORS } from './profiles';

export interface SeedResult {
  /** Emails of the accounts this run created (empty when everything was there already). */
  created: string[];
  /** The demo vendors present afterwards and how many products they list, whoever created them. */
  catalog: { vendors: number; products: number };
  /** Whether this run gave the demo buyer its first (quoted) cart. */
  cartSeeded: boolean;
}

async function ensureSystemUser(
  deps: AppDeps,
  passwordHash: string,
  account: { email: string; firstName: string; lastName: string; systemRole: 'admin' | 'agent' },
) {
  const existing = await findUserByEmail(deps.db, account.email);
  if (existing) return { id: existing.id, isNew: false };
  const [user] = await deps.db
    .insert(users)
    .values({ ...account, passwordHash })
    .returning({ id: users.id });
  if (!user) throw new Error(`could not create ${account.email}`);
  return { id: user.id, isNew: true };
}

async function catalogSummary(deps: AppDeps) {
  const [row] = await deps.db
    .select({
      vendors: sql<number>`count(distinct ${stores.id})::int`,
      products: sql<number>`count(${products.id})::int`,
    })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerUserId))
    .leftJoin(products, eq(products.storeId, stores.id))
    .where(
      and(
        eq(stores.type, 'vendor'),
        inArray(
          sql`lower(${users.email})`,
          DEMO_VENDORS.map((vendor) => vendor.owner.email),
        ),
      ),
    );
  return { vendors: row?.vendors ?? 0, products: row?.products ?? 0 };
}

/**
 * Demo accounts and a licensed marketplace for a fresh install: an admin, an agent, a verified buyer in
 * Oklahoma and five listed vendors with their catalogs (one in Colorado, out of the buyer's reach).
 * Idempotent: an account whose email exists is left untouched, with its store and catalog.
 */
export async function seedDemoData(deps: AppDeps): Promise<SeedResult> {
  const created: string[] = [];
  const passwordHash = await deps.hasher.hash(DEMO_PASSWORD);
  const admin = await ensureSystemUser(deps, passwordHash, {
    email: DEMO_ACCOUNTS.admin.email,
    firstName: 'Avery',
    lastName: 'Admin',
    systemRole: 'admin',
  });
  if (admin.isNew) created.push(DEMO_ACCOUNTS.admin.email);
  const agent = await ensureSystemUser(deps, passwordHash, {
    email: DEMO_ACCOUNTS.agent.email,
    firstName: 'Jordan',
    lastName: 'Rivera',
    systemRole: 'agent',
  });
  if (agent.isNew) created.push(DEMO_ACCOUNTS.agent.email);

  const context: SeedContext = { deps, passwordHash, adminUserId: admin.id };
  if (await seedBuyer(context, DEMO_BUYER)) created.push(DEMO_BUYER.owner.email);
  for (const vendor of DEMO_VENDORS) {
    if (await seedVendor(context, vendor)) created.push(vendor.owner.email);
  }
  await seedBilling(deps);
  const cartSeeded = await seedDemoCart(deps);
  return { created, catalog: await catalogSummary(deps), cartSeeded };
}
