import { findUserByEmail, storeMemberships, stores, users } from '@pf/db';
import type { Address, StoreType } from '@pf/domain';
import type { AppDeps } from './deps';

export const DEMO_PASSWORD = 'Demo-pass-2026';

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@packfinderz.test', password: DEMO_PASSWORD, label: 'Admin (compliance & payouts)' },
  agent: { email: 'agent@packfinderz.test', password: DEMO_PASSWORD, label: 'Delivery agent' },
  buyer: { email: 'buyer@packfinderz.test', password: DEMO_PASSWORD, label: 'Buyer — Green Leaf Dispensary' },
  vendor: { email: 'vendor@packfinderz.test', password: DEMO_PASSWORD, label: 'Vendor — Sunrise Cultivation' },
} as const;

const address = (line1: string, city: string, postalCode: string, lat: number, lng: number): Address => ({
  line1,
  city,
  state: 'OK',
  postalCode,
  country: 'US',
  lat,
  lng,
});

/** Idempotent: running it again leaves existing demo accounts untouched. Returns what it created. */
export async function seedDemoData(deps: AppDeps): Promise<string[]> {
  const created: string[] = [];
  const passwordHash = await deps.hasher.hash(DEMO_PASSWORD);

  const ensureUser = async (
    email: string,
    firstName: string,
    lastName: string,
    systemRole: 'admin' | 'agent' | null,
  ) => {
    const existing = await findUserByEmail(deps.db, email);
    if (existing) return { user: existing, isNew: false };
    const [user] = await deps.db
      .insert(users)
      .values({ email, passwordHash, firstName, lastName, systemRole })
      .returning();
    if (!user) throw new Error(`could not create ${email}`);
    created.push(email);
    return { user, isNew: true };
  };

  const ensureStore = async (
    email: string,
    first: string,
    last: string,
    type: StoreType,
    name: string,
    where: Address,
  ) => {
    const { user, isNew } = await ensureUser(email, first, last, null);
    if (!isNew) return;
    await deps.db.transaction(async (tx) => {
      const [store] = await tx
        .insert(stores)
        .values({ type, companyName: name, address: where, ownerUserId: user.id, email })
        .returning({ id: stores.id });
      if (!store) throw new Error(`could not create ${name}`);
      await tx.insert(storeMemberships).values({ storeId: store.id, userId: user.id, role: 'owner', status: 'active' });
    });
  };

  await ensureUser(DEMO_ACCOUNTS.admin.email, 'Avery', 'Admin', 'admin');
  await ensureUser(DEMO_ACCOUNTS.agent.email, 'Jordan', 'Rivera', 'agent');
  await ensureStore(
    DEMO_ACCOUNTS.buyer.email,
    'Casey',
    'Buyer',
    'buyer',
    'Green Leaf Dispensary',
    address('120 N Robinson Ave', 'Oklahoma City', '73102', 35.4692, -97.5164),
  );
  await ensureStore(
    DEMO_ACCOUNTS.vendor.email,
    'Morgan',
    'Vendor',
    'vendor',
    'Sunrise Cultivation',
    address('2200 S Utica Ave', 'Tulsa', '74114', 36.1306, -95.9676),
  );
  return created;
}
