import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { storeMemberships, stores, users } from '../schema';

export const findUserByEmail = async (db: DbOrTx, email: string) =>
  (await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1))[0];

export const findUserById = async (db: DbOrTx, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

/** Stores a user can see in the switcher: active memberships and pending invitations, by store name. */
export const listUserStores = (db: DbOrTx, userId: string) =>
  db
    .select({
      id: stores.id,
      name: stores.companyName,
      type: stores.type,
      kycStatus: stores.kycStatus,
      role: storeMemberships.role,
      membershipStatus: storeMemberships.status,
    })
    .from(storeMemberships)
    .innerJoin(stores, eq(stores.id, storeMemberships.storeId))
    .where(and(eq(storeMemberships.userId, userId), sql`${storeMemberships.status} in ('active', 'invited')`))
    .orderBy(asc(stores.companyName), asc(stores.id));

/**
 * Everything a request needs to authorize, in one round trip: the user row (system role, active flag)
 * and, when a store is selected, the membership only if it is `active`.
 */
export const loadPrincipal = async (db: DbOrTx, userId: string, storeId: string | null) => {
  const rows = await db
    .select({
      user: {
        id: users.id,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        isActive: users.isActive,
        systemRole: users.systemRole,
      },
      storeId: stores.id,
      storeType: stores.type,
      storeName: stores.companyName,
      kycStatus: stores.kycStatus,
      role: storeMemberships.role,
    })
    .from(users)
    .leftJoin(
      storeMemberships,
      and(
        eq(storeMemberships.userId, users.id),
        eq(storeMemberships.storeId, storeId ?? sql`null::uuid`),
        eq(storeMemberships.status, 'active'),
      ),
    )
    .leftJoin(stores, eq(stores.id, storeMemberships.storeId))
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0];
};

export const countActiveOwners = async (db: DbOrTx, storeId: string, exceptUserId?: string) => {
  const conditions = [
    eq(storeMemberships.storeId, storeId),
    eq(storeMemberships.role, 'owner'),
    eq(storeMemberships.status, 'active'),
  ];
  if (exceptUserId) conditions.push(ne(storeMemberships.userId, exceptUserId));
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(storeMemberships)
    .where(and(...conditions));
  return row?.count ?? 0;
};
