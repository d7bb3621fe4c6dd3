import { randomUUID } from 'node:crypto';
import { auditLog, notifications, outboxDlq, storeMemberships, stores, users } from '@pf/db';
import { type Capability, MEMBER_ROLES, type MemberRole } from '@pf/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../src/routers/root';
import {
  createAdmin,
  createTestApp,
  failureOf,
  registerInputFor,
  registerOwner,
  STRONG_PASSWORD,
  signIn,
  type TestApp,
  tokensFrom,
  uniqueEmail,
} from '../src/testing';
import { insertPlan, openSession, subscribeStore } from './billing-helpers';
import { insertPromo, listedVendor, type Party, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { addMember, freshIp, invite, RELAXED_LIMITS } from './helpers';
import { insertLicense, insertMedia, licenseInput } from './license-helpers';
import { insertMediaRow } from './media-helpers';
import { insertOrder, lineIdsOf, orderWorld } from './orders-fixtures';
import { catalogSnapshot, insertProduct, productInput, setVendorStanding } from './product-fixtures';

/** `storeOrAdmin:`: a member of the active store with the capability, or a system admin (any store). */
/** `buyer:`: a member of a buyer store (store C) with the capability; store A is a vendor. */
type Access =
  | 'public'
  | 'authed'
  | `store:${Capability}`
  | `buyer:${Capability}`
  | `storeOrAdmin:${Capability}`
  | 'admin'
  | 'agent';

interface Identity {
  email: string;
  password: string;
  userId: string;
  /** A session kept for the refusal checks (refused calls change nothing, so it can be shared). */
  token: string;
  kind: 'store' | 'admin';
}

interface World {
  storeA: string;
  storeB: string;
  /** Members of store A, one per membership role (`owner` is the store's registering owner). */
  roles: Record<MemberRole, Identity>;
  ownerB: Identity;
  staffB: Identity;
  invitedToB: string;
  admin: Identity;
  agent: Identity;
  /** A session whose only store membership was removed. */
  storeless: string;
  /** Buyer store C (verified, licensed in OK), one member per membership role. */
  storeC: string;
  buyerRoles: Record<MemberRole, Identity>;
  /** Another verified buyer, whose carts and checkouts store C must never reach. */
  buyerD: Party;
  /** A listed vendor with stock, visible to both buyers. */
  shopVendor: Party;
}

interface Entry {
  access: Access;
  /** Valid input for a permitted caller acting in store A (fresh each time: mutations may consume it). */
  input?: (w: World) => unknown;
  /** A fresh session allowed to call this procedure, when the default for its access level will not do. */
  actor?: (w: World) => Promise<string | null>;
  /** Input aimed at store B's resource, sent by store A's owner: must be refused and change nothing. */
  otherTenant?: { input: (w: World) => unknown; code: 'NOT_FOUND' | 'FORBIDDEN' };
}

let app: TestApp;
let world: World;

/** DOMAIN §1.3, written out independently of the implementation's table. */
const ROLES_WITH: Record<Capability, readonly MemberRole[]> = {
  readStore: MEMBER_ROLES,
  manageStore: ['owner', 'manager'],
  manageTeam: ['owner', 'manager'],
  manageMedia: ['owner', 'admin', 'manager', 'staff', 'ops'],
  manageProducts: ['owner', 'admin', 'manager', 'staff', 'ops'],
  submitLicense: ['owner', 'admin', 'manager', 'staff', 'ops'],
  deleteLicense: ['owner', 'manager'],
  shop: ['owner', 'admin', 'manager', 'staff', 'ops'],
  placeOrders: ['owner', 'admin', 'manager'],
  decideOrders: ['owner', 'admin', 'manager'],
  managePromos: ['owner', 'admin', 'manager'],
  // Issue 13: billing refuses every role but the owner.
  manageBilling: ['owner'],
};

const freshSession = async (identity: Identity) => {
  if (identity.kind === 'admin') {
    const { caller, resHeaders } = app.call({ ip: freshIp() });
    await caller.admin.auth.login({ email: identity.email, password: identity.password });
    return tokensFrom(resHeaders).accessToken;
  }
  return (await signIn(app, identity.email, identity.password, freshIp())).token;
};

/** A brand-new user holding an invitation to store A, signed in (no active store yet). */
const inviteeOfA = async (w: World) => {
  const invited = await invite(app, w.roles.owner.token, { role: 'staff' });
  return (await signIn(app, invited.member.email, invited.temporaryPassword ?? '', freshIp())).token;
};

/** A fresh staff member of store A, as a target for team changes. */
const staffOfA = async (w: World) => (await invite(app, w.roles.owner.token, { role: 'staff' })).member.userId;

/** A consumer dead letter to read (inserted directly: how it got there is eventing's business). */
const deadLetterId = async () => {
  const [row] = await app.deps.db
    .insert(outboxDlq)
    .values({
      eventId: randomUUID(),
      eventType: 'member_joined',
      aggregateType: 'store',
      aggregateId: randomUUID(),
      consumer: 'matrix',
      payload: {},
      reason: 'handler_failed',
    })
    .returning({ id: outboxDlq.id });
  return row?.id;
};

/** An unread notification of `storeId`, written directly (only consumers write them). */
const notificationOf = async (storeId: string) => {
  const [row] = await app.deps.db
    .insert(notifications)
    .values({ storeId, audience: 'store', type: 'system_announcement', title: 'Matrix', message: 'Matrix' })
    .returning({ id: notifications.id });
  if (!row) throw new Error('notification insert failed');
  return row.id;
};

/** A license of `storeId` in `status`, written directly (its owner is the store's owner). */
const licenseOf = async (storeId: string, status: 'pending' | 'rejected') => {
  const [store] = await app.deps.db
    .select({ ownerUserId: stores.ownerUserId })
    .from(stores)
    .where(eq(stores.id, storeId));
  return insertLicense(app, { storeId, userId: store?.ownerUserId ?? '' }, status);
};

/** A fresh active cart of `storeId` (quoted by its owner), ready to check out. */
const quotedCartOf = async (ownerToken: string, w: World) => {
  const productId = await stockedProduct(app, w.shopVendor.storeId, { onHandQty: 1000 });
  const cart = await app
    .call({ token: ownerToken })
    .caller.cart.quote({ items: [{ productId, vendorStoreId: w.shopVendor.storeId, quantity: 1 }] });
  return cart.id;
};
const checkoutOf = async (ownerToken: string, w: World) => {
  const cartId = await quotedCartOf(ownerToken, w);
  const result = await app
    .call({ token: ownerToken, idempotencyKey: randomUUID() })
    .caller.checkout.submit({ cartId, paymentMethod: 'cash' });
  return result.checkoutGroupId;
};
/** A pending (or accepted) order from buyer store C to `vendorStoreId`, stock reserved, written directly. */
const orderOf = async (vendorStoreId: string, buyerStoreId: string, status?: 'accepted') =>
  (await insertOrder(app, buyerStoreId, vendorStoreId, [{ qty: 2 }, { qty: 1 }], status)).orderId;
/** The first line of a fresh accepted order, ready for a line decision. */
const lineOf = async (vendorStoreId: string, buyerStoreId: string) => {
  const orderId = await orderOf(vendorStoreId, buyerStoreId, 'accepted');
  return { orderId, lineItemId: (await lineIdsOf(app, orderId))[0] ?? '' };
};
const promoOf = async (storeId: string) => (await insertPromo(app, storeId)).id;
const cartLine = async (w: World) => ({
  items: [
    {
      productId: await stockedProduct(app, w.shopVendor.storeId),
      vendorStoreId: w.shopVendor.storeId,
      quantity: 1,
    },
  ],
});

const TABLE: Record<string, Entry> = {
  'system.ping': { access: 'public' },
  'system.whoami': { access: 'authed' },
  'auth.register': { access: 'public', input: () => registerInputFor() },
  'auth.login': {
    access: 'public',
    input: (w) => ({ email: w.roles.owner.email, password: w.roles.owner.password }),
  },
  'auth.refresh': {
    access: 'public',
    input: async (w) => {
      const { caller, resHeaders } = app.call({ ip: freshIp() });
      await caller.auth.login({ email: w.roles.owner.email, password: w.roles.owner.password });
      return { refreshToken: tokensFrom(resHeaders).refreshToken };
    },
  },
  // Built on publicProcedure so that an expired token can still sign out, but it needs a session.
  'auth.logout': { access: 'authed' },
  'auth.switchStore': {
    access: 'authed',
    input: (w) => ({ storeId: w.storeA }),
    otherTenant: { input: (w) => ({ storeId: w.storeB }), code: 'FORBIDDEN' },
  },
  'auth.me': { access: 'authed' },
  'store.me.get': { access: 'store:readStore' },
  'store.me.update': { access: 'store:manageStore', input: () => ({ description: `Updated ${randomUUID()}` }) },
  'store.members.list': { access: 'store:manageTeam' },
  'store.members.invite': {
    access: 'store:manageTeam',
    input: () => ({ email: uniqueEmail('matrix'), firstName: 'Mat', lastName: 'Rix', role: 'staff' }),
  },
  'store.members.remove': {
    access: 'store:manageTeam',
    input: async (w) => ({ userId: await staffOfA(w) }),
    otherTenant: { input: (w) => ({ userId: w.staffB.userId }), code: 'NOT_FOUND' },
  },
  'store.members.changeRole': {
    access: 'store:manageTeam',
    input: async (w) => ({ userId: await staffOfA(w), role: 'ops' }),
    otherTenant: { input: (w) => ({ userId: w.staffB.userId, role: 'owner' }), code: 'NOT_FOUND' },
  },
  'store.invitations.listMine': { access: 'authed' },
  'store.invitations.accept': {
    access: 'authed',
    input: (w) => ({ storeId: w.storeA }),
    actor: inviteeOfA,
    otherTenant: { input: (w) => ({ storeId: w.storeB }), code: 'NOT_FOUND' },
  },
  'store.invitations.decline': {
    access: 'authed',
    input: (w) => ({ storeId: w.storeA }),
    actor: inviteeOfA,
    otherTenant: { input: (w) => ({ storeId: w.storeB }), code: 'NOT_FOUND' },
  },
  // A storefront's view of a store: the caller's own, or a vendor listed to it (store B is neither).
  'store.public.get': {
    access: 'store:readStore',
    input: (w) => ({ storeId: w.storeA }),
    otherTenant: { input: (w) => ({ storeId: w.storeB }), code: 'NOT_FOUND' },
  },
  'admin.auth.login': {
    access: 'public',
    input: (w) => ({ email: w.admin.email, password: w.admin.password }),
  },
  'admin.auth.devRegister': {
    access: 'public',
    input: () => ({ email: uniqueEmail('admin'), password: STRONG_PASSWORD, firstName: 'Ad', lastName: 'Min' }),
  },
  'admin.agents.create': {
    access: 'admin',
    input: () => ({ email: uniqueEmail('agent'), password: STRONG_PASSWORD, firstName: 'Ag', lastName: 'Ent' }),
  },
  'admin.agents.list': { access: 'admin' },
  // Any signed-in user: members read their active store's inbox, admins the admin inbox, others an empty one.
  'notifications.list': { access: 'authed' },
  'notifications.unreadCount': { access: 'authed' },
  'notifications.markRead': {
    access: 'authed',
    input: async (w) => ({ id: await notificationOf(w.storeA) }),
    otherTenant: { input: async (w) => ({ id: await notificationOf(w.storeB) }), code: 'NOT_FOUND' },
  },
  'notifications.markAllRead': { access: 'authed' },
  'media.createUpload': {
    access: 'store:manageMedia',
    input: () => ({ kind: 'product', mimeType: 'image/png', fileName: 'matrix.png', sizeBytes: 10 }),
  },
  'media.list': { access: 'store:readStore' },
  'media.get': {
    access: 'storeOrAdmin:readStore',
    input: async (w) => ({ mediaId: (await insertMediaRow(app, w.storeA)).id }),
    otherTenant: { input: async (w) => ({ mediaId: (await insertMediaRow(app, w.storeB)).id }), code: 'NOT_FOUND' },
  },
  'media.readUrl': {
    access: 'storeOrAdmin:readStore',
    input: async (w) => ({ mediaId: (await insertMediaRow(app, w.storeA)).id }),
    otherTenant: { input: async (w) => ({ mediaId: (await insertMediaRow(app, w.storeB)).id }), code: 'NOT_FOUND' },
  },
  'media.delete': {
    access: 'store:manageMedia',
    input: async (w) => ({ mediaId: (await insertMediaRow(app, w.storeA)).id }),
    otherTenant: { input: async (w) => ({ mediaId: (await insertMediaRow(app, w.storeB)).id }), code: 'NOT_FOUND' },
  },
  // Attaching another store's image is refused as invalid input (see media-access.test.ts).
  'store.setLogo': { access: 'store:manageStore', input: () => ({ mediaId: null }) },
  'store.setBanner': { access: 'store:manageStore', input: () => ({ mediaId: null }) },
  'auth.setAvatar': { access: 'store:readStore', input: () => ({ mediaId: null }) },
  'admin.dlq.list': { access: 'admin', input: () => ({ consumer: 'matrix' }) },
  'admin.dlq.get': { access: 'admin', input: async () => ({ id: await deadLetterId() }) },
  'admin.dlq.replay': { access: 'admin', input: () => ({ filter: { consumer: 'matrix' }, dryRun: true }) },
  'licenses.create': {
    access: 'store:submitLicense',
    input: async (w) => licenseInput((await insertMedia(app, w.storeA)).id),
    otherTenant: { input: async (w) => licenseInput((await insertMedia(app, w.storeB)).id), code: 'NOT_FOUND' },
  },
  'licenses.list': { access: 'store:readStore' },
  'licenses.delete': {
    access: 'store:deleteLicense',
    input: async (w) => ({ licenseId: (await licenseOf(w.storeA, 'rejected')).id }),
    otherTenant: { input: async (w) => ({ licenseId: (await licenseOf(w.storeB, 'rejected')).id }), code: 'NOT_FOUND' },
  },
  'admin.licenses.queue': { access: 'admin' },
  'admin.licenses.get': {
    access: 'admin',
    input: async (w) => ({ licenseId: (await licenseOf(w.storeA, 'pending')).id }),
  },
  'admin.licenses.decide': {
    access: 'admin',
    input: async (w) => ({ licenseId: (await licenseOf(w.storeA, 'pending')).id, decision: 'verified' }),
  },
  'admin.audit.list': { access: 'admin' },
  'vendorProducts.create': { access: 'store:manageProducts', input: () => productInput() },
  'vendorProducts.update': {
    access: 'store:manageProducts',
    input: async (w) => ({ productId: await insertProduct(app, w.storeA), title: `Renamed ${randomUUID()}` }),
    otherTenant: {
      input: async (w) => ({ productId: await insertProduct(app, w.storeB), title: 'Hijacked' }),
      code: 'NOT_FOUND',
    },
  },
  'vendorProducts.setInventory': {
    access: 'store:manageProducts',
    input: async (w) => ({ productId: await insertProduct(app, w.storeA), onHandQty: 3 }),
    otherTenant: {
      input: async (w) => ({ productId: await insertProduct(app, w.storeB), onHandQty: 0 }),
      code: 'NOT_FOUND',
    },
  },
  'vendorProducts.delete': {
    access: 'store:manageProducts',
    input: async (w) => ({ productId: await insertProduct(app, w.storeA) }),
    otherTenant: { input: async (w) => ({ productId: await insertProduct(app, w.storeB) }), code: 'NOT_FOUND' },
  },
  'vendorProducts.list': { access: 'store:readStore' },
  'vendorProducts.get': {
    access: 'store:readStore',
    input: async (w) => ({ productId: await insertProduct(app, w.storeA) }),
    otherTenant: { input: async (w) => ({ productId: await insertProduct(app, w.storeB) }), code: 'NOT_FOUND' },
  },
  // Store A is a vendor: it sees its own products here, and never another vendor's.
  'products.get': {
    access: 'store:readStore',
    input: async (w) => ({ productId: await insertProduct(app, w.storeA) }),
    otherTenant: { input: async (w) => ({ productId: await insertProduct(app, w.storeB) }), code: 'NOT_FOUND' },
  },
  // Store A is a vendor: browse shows it its own catalog; another (unlisted) vendor's storefront is NOT_FOUND.
  'browse.products': { access: 'store:readStore' },
  'cart.quote': { access: 'buyer:shop', input: cartLine },
  'cart.get': { access: 'buyer:readStore' },
  'cart.clear': { access: 'buyer:shop' },
  'checkout.submit': {
    access: 'buyer:placeOrders',
    input: async (w) => ({ cartId: await quotedCartOf(w.buyerRoles.owner.token, w), paymentMethod: 'cash' }),
    otherTenant: {
      input: async (w) => ({ cartId: await quotedCartOf(w.buyerD.token, w), paymentMethod: 'cash' }),
      code: 'NOT_FOUND',
    },
  },
  'checkout.confirmation': {
    access: 'buyer:readStore',
    input: async (w) => ({ identifier: await checkoutOf(w.buyerRoles.owner.token, w) }),
    otherTenant: { input: async (w) => ({ identifier: await checkoutOf(w.buyerD.token, w) }), code: 'NOT_FOUND' },
  },
  'vendorPromos.list': { access: 'store:readStore' },
  'vendorPromos.create': {
    access: 'store:managePromos',
    input: () => ({ kind: 'fixed', code: `M${randomUUID().slice(0, 8)}`, amountCents: 500 }),
  },
  'vendorPromos.update': {
    access: 'store:managePromos',
    input: async (w) => ({ promoId: await promoOf(w.storeA), minSubtotalCents: 1000 }),
    otherTenant: { input: async (w) => ({ promoId: await promoOf(w.storeB), active: false }), code: 'NOT_FOUND' },
  },
  'vendorPromos.expire': {
    access: 'store:managePromos',
    input: async (w) => ({ promoId: await promoOf(w.storeA) }),
    otherTenant: { input: async (w) => ({ promoId: await promoOf(w.storeB) }), code: 'NOT_FOUND' },
  },
  'vendorOrders.list': { access: 'store:readStore' },
  'vendorOrders.get': {
    access: 'store:readStore',
    input: async (w) => ({ orderId: await orderOf(w.storeA, w.storeC) }),
    otherTenant: { input: async (w) => ({ orderId: await orderOf(w.storeB, w.storeC) }), code: 'NOT_FOUND' },
  },
  'vendorOrders.decide': {
    access: 'store:decideOrders',
    input: async (w) => ({ orderId: await orderOf(w.storeA, w.storeC), decision: 'reject' }),
    otherTenant: {
      input: async (w) => ({ orderId: await orderOf(w.storeB, w.storeC), decision: 'reject' }),
      code: 'NOT_FOUND',
    },
  },
  'vendorOrders.decideLine': {
    access: 'store:decideOrders',
    input: async (w) => ({ ...(await lineOf(w.storeA, w.storeC)), decision: 'reject', note: 'Matrix' }),
    otherTenant: {
      input: async (w) => ({ ...(await lineOf(w.storeB, w.storeC)), decision: 'reject' }),
      code: 'NOT_FOUND',
    },
  },
  'buyerOrders.list': { access: 'buyer:readStore' },
  'buyerOrders.get': {
    access: 'buyer:readStore',
    input: async (w) => ({ orderId: await orderOf(w.storeA, w.storeC) }),
    otherTenant: { input: async (w) => ({ orderId: await orderOf(w.storeA, w.buyerD.storeId) }), code: 'NOT_FOUND' },
  },
  'buyerOrders.cancel': {
    access: 'buyer:placeOrders',
    input: async (w) => ({ orderId: await orderOf(w.storeA, w.storeC), reason: 'Matrix' }),
    otherTenant: { input: async (w) => ({ orderId: await orderOf(w.storeA, w.buyerD.storeId) }), code: 'NOT_FOUND' },
  },
  'browse.storefront': {
    access: 'store:readStore',
    input: (w) => ({ vendorId: w.storeA }),
    otherTenant: { input: (w) => ({ vendorId: w.storeB }), code: 'NOT_FOUND' },
  },
  'billing.overview': { access: 'store:manageBilling' },
  'billing.subscribe': { access: 'store:manageBilling', input: async () => ({ planId: (await insertPlan(app)).id }) },
  'billing.portal': {
    access: 'store:manageBilling',
    input: async (w) => {
      await openSession(app, w.storeA);
      return undefined;
    },
  },
  'billing.cancel': {
    access: 'store:manageBilling',
    input: async (w) => {
      await insertPlan(app);
      await subscribeStore(app, w.storeA);
      return undefined;
    },
  },
  'billing.resume': {
    access: 'store:manageBilling',
    input: async (w) => {
      await insertPlan(app);
      await subscribeStore(app, w.storeA);
      return undefined;
    },
  },
  'billing.simulator.checkout': {
    access: 'store:manageBilling',
    input: async (w) => ({ sessionId: await openSession(app, w.storeA) }),
    otherTenant: { input: async (w) => ({ sessionId: await openSession(app, w.storeB) }), code: 'NOT_FOUND' },
  },
  // Paying a session that is already paid answers like the first time (a double click on "Pay now").
  'billing.simulator.pay': {
    access: 'store:manageBilling',
    input: async (w) => ({ sessionId: await openSession(app, w.storeA, true) }),
    otherTenant: { input: async (w) => ({ sessionId: await openSession(app, w.storeB) }), code: 'NOT_FOUND' },
  },
  'billing.simulator.failRenewal': {
    access: 'store:manageBilling',
    input: async (w) => {
      await insertPlan(app);
      await subscribeStore(app, w.storeA);
      return undefined;
    },
  },
  'admin.billing.plans.list': { access: 'admin' },
  'admin.billing.plans.create': {
    access: 'admin',
    input: () => ({ name: `Matrix ${randomUUID().slice(0, 6)}`, priceCents: 500, interval: 'month' }),
  },
  'admin.billing.plans.update': {
    access: 'admin',
    input: async () => ({ planId: (await insertPlan(app)).id, name: `Renamed ${randomUUID().slice(0, 6)}` }),
  },
  'admin.billing.stores.list': { access: 'admin' },
  'admin.billing.stores.setOverride': {
    access: 'admin',
    input: (w) => ({ storeId: w.storeA, mode: 'none', reason: 'Matrix check of the override' }),
  },
};

type Procedure = (input?: unknown) => Promise<unknown>;
/** Calls `path` (e.g. "store.members.remove") as the holder of `token`, with an Idempotency-Key. */
const invoke = (token: string | null, path: string, input: unknown) => {
  let node: unknown = app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return (node as Procedure)(input);
};

/** Everything a refused call could have changed: membership rows, store rows, read marks, row counts. */
async function fingerprint() {
  const db = app.deps.db;
  const memberships = await db
    .select({ id: storeMemberships.id, role: storeMemberships.role, status: storeMemberships.status })
    .from(storeMemberships)
    .orderBy(asc(storeMemberships.id));
  const storeRows = await db
    .select({ id: stores.id, updatedAt: stores.updatedAt, lastLoggedInAt: stores.lastLoggedInAt })
    .from(stores)
    .orderBy(asc(stores.id));
  const readMarks = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .orderBy(asc(notifications.id));
  const count = async (table: typeof users | typeof auditLog) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
  return {
    memberships,
    storeRows,
    readMarks,
    users: await count(users),
    audit: await count(auditLog),
    catalog: await catalogSnapshot(app),
    orders: await orderWorld(app),
  };
}

async function expectRefused(token: string | null, path: string, input: unknown, codes: string[]) {
  const before = await fingerprint();
  const failure = await failureOf(invoke(token, path, input));
  expect(codes, `${path}: got ${failure.code} (${failure.message})`).toContain(failure.code);
  expect(await fingerprint()).toEqual(before);
}

const inputFor = async (entry: Entry) => (entry.input ? await entry.input(world) : undefined);

/** A store member whose membership role is set directly in the database (roles the team screen cannot grant). */
async function insertMember(storeId: string, role: MemberRole): Promise<Identity> {
  const email = uniqueEmail(`role-${role}`);
  const [user] = await app.deps.db
    .insert(users)
    .values({ email, passwordHash: await app.deps.hasher.hash(STRONG_PASSWORD), firstName: 'Ro', lastName: 'Le' })
    .returning();
  if (!user) throw new Error('user insert failed');
  await app.deps.db.insert(storeMemberships).values({ storeId, userId: user.id, role, status: 'active' });
  const identity = { email, password: STRONG_PASSWORD, userId: user.id, token: '', kind: 'store' as const };
  identity.token = (await freshSession(identity)) ?? '';
  return identity;
}

beforeAll(async () => {
  // The dev register is mounted only when enabled; here it is, so its entry in the table is checked too.
  app = await createTestApp({ ...RELAXED_LIMITS, ENABLE_DEV_ADMIN_REGISTER: '1' });
  const ownerA = await registerOwner(app, { companyName: 'Matrix A' });
  const ownerB = await registerOwner(app, { companyName: 'Matrix B' });
  const asIdentity = (o: { input: { email: string; password: string }; userId: string; token: string }) => ({
    email: o.input.email,
    password: o.input.password,
    userId: o.userId,
    token: o.token,
    kind: 'store' as const,
  });
  const member = async (role: 'manager' | 'viewer' | 'staff' | 'ops') => ({
    ...(await addMember(app, ownerA.token, ownerA.storeId, role)),
    kind: 'store' as const,
  });
  const roles: Record<MemberRole, Identity> = {
    owner: asIdentity(ownerA),
    manager: await member('manager'),
    viewer: await member('viewer'),
    staff: await member('staff'),
    ops: await member('ops'),
    // The role-claim-conflation trap (DOMAIN §12.B1): membership roles named like system roles.
    admin: await insertMember(ownerA.storeId, 'admin'),
    agent: await insertMember(ownerA.storeId, 'agent'),
  };
  const staffB = { ...(await addMember(app, ownerB.token, ownerB.storeId, 'staff')), kind: 'store' as const };
  const invitedToB = (await invite(app, ownerB.token, { role: 'staff' })).member.userId;

  const adminEmail = uniqueEmail('sysadmin');
  const { token: adminToken, userId: adminUserId } = await createAdmin(app, {
    email: adminEmail,
    firstName: 'Sys',
    ip: freshIp(),
  });
  const agentEmail = uniqueEmail('sysagent');
  const agentUser = await app.call({ token: adminToken, idempotencyKey: randomUUID() }).caller.admin.agents.create({
    email: agentEmail,
    password: STRONG_PASSWORD,
    firstName: 'Sys',
    lastName: 'Agent',
  });
  const agent = {
    email: agentEmail,
    password: STRONG_PASSWORD,
    userId: agentUser.id,
    token: '',
    kind: 'store' as const,
  };
  agent.token = (await freshSession(agent)) ?? '';

  const leaver = await addMember(app, ownerA.token, ownerA.storeId, 'staff');
  await app.call({ token: ownerA.token }).caller.store.members.remove({ userId: leaver.userId });

  // Buyer store C with every membership role, verified and licensed so it may quote and check out.
  const ownerC = await registerOwner(app, { companyName: 'Matrix C', storeType: 'buyer' });
  await insertLicense(app, { storeId: ownerC.storeId, userId: ownerC.userId }, 'verified');
  await setVendorStanding(app, ownerC.storeId, { kycStatus: 'verified', state: 'OK' });
  const memberOfC = async (role: 'manager' | 'viewer' | 'staff' | 'ops') => ({
    ...(await addMember(app, ownerC.token, ownerC.storeId, role)),
    kind: 'store' as const,
  });
  const buyerRoles: Record<MemberRole, Identity> = {
    owner: asIdentity(ownerC),
    manager: await memberOfC('manager'),
    viewer: await memberOfC('viewer'),
    staff: await memberOfC('staff'),
    ops: await memberOfC('ops'),
    admin: await insertMember(ownerC.storeId, 'admin'),
    agent: await insertMember(ownerC.storeId, 'agent'),
  };

  world = {
    storeC: ownerC.storeId,
    buyerRoles,
    buyerD: await verifiedBuyer(app),
    shopVendor: await listedVendor(app),
    storeA: ownerA.storeId,
    storeB: ownerB.storeId,
    roles,
    ownerB: asIdentity(ownerB),
    staffB,
    invitedToB,
    admin: {
      email: adminEmail,
      password: STRONG_PASSWORD,
      userId: adminUserId,
      token: adminToken,
      kind: 'admin',
    },
    agent,
    storeless: leaver.token,
  };
});
afterAll(() => app.close());

describe('the access table', () => {
  it('has exactly one entry per procedure of the app router', () => {
    const procedures = Object.keys(createAppRouter({ devAdminRegister: true })._def.procedures).sort();
    expect(Object.keys(app.router._def.procedures).sort()).toEqual(procedures);
    expect(Object.keys(TABLE).sort()).toEqual(procedures);
  });
});

describe.each(Object.entries(TABLE))('%s', (path, entry) => {
  if (entry.access === 'public') {
    it('is callable without signing in', async () => {
      await invoke(null, path, await inputFor(entry));
    });
    return;
  }

  it('refuses an unauthenticated caller with UNAUTHORIZED', async () => {
    await expectRefused(null, path, await inputFor(entry), ['UNAUTHORIZED']);
  });

  if (entry.access === 'authed') {
    it('serves any signed-in user', async () => {
      const token = entry.actor ? await entry.actor(world) : await freshSession(world.roles.viewer);
      await invoke(token, path, await inputFor(entry));
    });
  }

  if (entry.access === 'admin' || entry.access === 'agent') {
    const systemRole = entry.access;
    it(`refuses store owners and members whose membership role is "admin" or "agent" (FORBIDDEN)`, async () => {
      for (const role of ['owner', 'admin', 'agent', 'manager'] as const) {
        await expectRefused(world.roles[role].token, path, await inputFor(entry), ['FORBIDDEN']);
      }
      await expectRefused(world.ownerB.token, path, await inputFor(entry), ['FORBIDDEN']);
    });
    it(`refuses the other system role and serves a real ${systemRole}`, async () => {
      const other = systemRole === 'admin' ? world.agent : world.admin;
      await expectRefused(other.token, path, await inputFor(entry), ['FORBIDDEN']);
      const allowed = systemRole === 'admin' ? world.admin : world.agent;
      await invoke(await freshSession(allowed), path, await inputFor(entry));
    });
  }

  if (entry.access.startsWith('store:')) {
    const capability = entry.access.slice('store:'.length) as Capability;
    const allowed = ROLES_WITH[capability];
    const refused = MEMBER_ROLES.filter((role) => !allowed.includes(role));

    it('refuses callers without an active store (agent, admin, removed member) with FORBIDDEN', async () => {
      for (const token of [world.agent.token, world.admin.token, world.storeless]) {
        await expectRefused(token, path, await inputFor(entry), ['FORBIDDEN']);
      }
    });

    if (refused.length > 0) {
      it(`refuses membership roles ${refused.join(', ')} with FORBIDDEN`, async () => {
        expect(refused).toContain('viewer');
        for (const role of refused) {
          await expectRefused(world.roles[role].token, path, await inputFor(entry), ['FORBIDDEN']);
        }
      });
    }

    it(`serves membership roles ${allowed.join(', ')}`, async () => {
      for (const role of allowed) await invoke(await freshSession(world.roles[role]), path, await inputFor(entry));
    });
  }

  if (entry.access.startsWith('buyer:')) {
    const capability = entry.access.slice('buyer:'.length) as Capability;
    const allowed = ROLES_WITH[capability];
    const refused = MEMBER_ROLES.filter((role) => !allowed.includes(role));

    it('refuses callers without an active store and vendor-store members with FORBIDDEN', async () => {
      for (const token of [world.agent.token, world.admin.token, world.storeless, world.roles.owner.token]) {
        await expectRefused(token, path, await inputFor(entry), ['FORBIDDEN']);
      }
    });

    if (refused.length > 0) {
      it(`refuses buyer-store roles ${refused.join(', ')} with FORBIDDEN`, async () => {
        expect(refused).toContain('agent');
        for (const role of refused) {
          await expectRefused(world.buyerRoles[role].token, path, await inputFor(entry), ['FORBIDDEN']);
        }
      });
    }

    it(`serves buyer-store roles ${allowed.join(', ')}`, async () => {
      for (const role of allowed) {
        await invoke(await freshSession(world.buyerRoles[role]), path, await inputFor(entry));
      }
    });
  }

  if (entry.access.startsWith('storeOrAdmin:')) {
    const allowed = ROLES_WITH[entry.access.slice('storeOrAdmin:'.length) as Capability];
    it('refuses callers with neither an active store nor the admin role (agent, removed member)', async () => {
      for (const token of [world.agent.token, world.storeless]) {
        await expectRefused(token, path, await inputFor(entry), ['FORBIDDEN']);
      }
    });
    it(`serves a system admin and membership roles ${allowed.join(', ')}`, async () => {
      await invoke(await freshSession(world.admin), path, await inputFor(entry));
      for (const role of allowed) await invoke(await freshSession(world.roles[role]), path, await inputFor(entry));
    });
  }

  const otherTenant = entry.otherTenant;
  if (otherTenant) {
    it(`refuses to act on another tenant's resource (${otherTenant.code}) and changes nothing`, async () => {
      const owner = entry.access.startsWith('buyer:') ? world.buyerRoles.owner : world.roles.owner;
      const token = await freshSession(owner);
      await expectRefused(token, path, await otherTenant.input(world), [otherTenant.code]);
    });
  }
});

describe('tenant isolation details', () => {
  it("another store's members, owner and pending invitee are untouched by store A's team actions", async () => {
    const owner = app.call({ token: await freshSession(world.roles.owner) }).caller.store.members;
    for (const userId of [world.ownerB.userId, world.staffB.userId, world.invitedToB]) {
      expect((await failureOf(owner.remove({ userId }))).code).toBe('NOT_FOUND');
      expect((await failureOf(owner.changeRole({ userId, role: 'viewer' }))).code).toBe('NOT_FOUND');
    }
    const bMembers = await app.deps.db
      .select({ userId: storeMemberships.userId, role: storeMemberships.role, status: storeMemberships.status })
      .from(storeMemberships)
      .where(eq(storeMemberships.storeId, world.storeB));
    expect(bMembers).toEqual(
      expect.arrayContaining([
        { userId: world.ownerB.userId, role: 'owner', status: 'active' },
        { userId: world.staffB.userId, role: 'staff', status: 'active' },
        { userId: world.invitedToB, role: 'staff', status: 'invited' },
      ]),
    );
    // Store A's member list never shows store B's people.
    const listed = await owner.list();
    expect(listed.map((m) => m.userId)).not.toEqual(expect.arrayContaining([world.ownerB.userId, world.staffB.userId]));
  });

  it('a membership row with role "admin" grants nothing beyond the store', async () => {
    const whoami = await app.call({ token: world.roles.admin.token }).caller.system.whoami();
    expect(whoami).toMatchObject({ systemRole: null, membershipRole: 'admin', storeId: world.storeA });
    const [membership] = await app.deps.db
      .select()
      .from(storeMemberships)
      .where(and(eq(storeMemberships.userId, world.roles.agent.userId), eq(storeMemberships.storeId, world.storeA)));
    expect(membership?.role).toBe('agent');
  });
});
