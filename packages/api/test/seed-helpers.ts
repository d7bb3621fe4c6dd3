import {
  licenses,
  media,
  mediaAttachments,
  productMedia,
  products,
  productVolumeDiscounts,
  stores,
  users,
} from '@pf/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { DEMO_BUYER, DEMO_VENDORS } from '../src/seed';
import type { TestApp } from '../src/testing';

/** Ids of the seeded stores, by owner email, read back from the database. */
export async function seededStores(app: TestApp) {
  const emails = [DEMO_BUYER, ...DEMO_VENDORS].map((profile) => profile.owner.email);
  const rows = await app.deps.db
    .select({ id: stores.id, email: users.email, state: sql<string>`${stores.address}->>'state'` })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerUserId))
    .where(inArray(users.email, emails));
  const idOf = (email: string) => {
    const row = rows.find((candidate) => candidate.email === email);
    if (!row) throw new Error(`no seeded store for ${email}`);
    return row.id;
  };
  const vendors = DEMO_VENDORS.map((vendor) => ({ ...vendor, id: idOf(vendor.owner.email) }));
  return { buyerId: idOf(DEMO_BUYER.owner.email), vendors };
}

/** Row counts of every table the seed writes to. */
export async function seededRowCounts(app: TestApp) {
  const count = async (table: PgTable) =>
    (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const tables = { users, stores, products, media, licenses, mediaAttachments, productMedia, productVolumeDiscounts };
  return Object.fromEntries(
    await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await count(table)] as const)),
  );
}

/** The listings a buyer in `state` may see, computed straight from the rows (the oracle for browse). */
export async function visibleProductIds(app: TestApp, state: string) {
  const rows = await app.deps.db
    .select({ id: products.id })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(
      and(
        eq(products.isActive, true),
        sql`${products.deletedAt} is null`,
        eq(stores.kycStatus, 'verified'),
        eq(stores.subscriptionActive, true),
        sql`${stores.address}->>'state' = ${state}`,
      ),
    );
  return rows.map((row) => row.id).sort();
}
