import { randomUUID } from 'node:crypto';
import { notifications } from '@pf/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPC_ENDPOINT, trpcHttpOptions } from '../src/http/trpc';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { createContextFactory } from '../src/trpc/context';
import { addMember, RELAXED_LIMITS } from './helpers';
import { insertLicense, insertMedia, licenseInput } from './license-helpers';
import { insertMediaRow } from './media-helpers';
import { insertProduct, productInput } from './product-fixtures';

/**
 * Every read or action aimed at another store's resource must answer exactly as the same call with an id
 * that exists nowhere: same HTTP status, same body apart from the request id. Otherwise the difference
 * confirms that the id exists in another store (issue 10, item 8).
 */

let app: TestApp;
let ownerA: Awaited<ReturnType<typeof registerOwner>>;
/** Ids of store B's resources, by kind. */
const b: Record<'store' | 'media' | 'image' | 'license' | 'product' | 'notification' | 'staff', string> = {
  store: '',
  media: '',
  image: '',
  license: '',
  product: '',
  notification: '',
  staff: '',
};

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  ownerA = await registerOwner(app, { companyName: 'Tenant A' });
  const ownerB = await registerOwner(app, { companyName: 'Tenant B' });
  b.store = ownerB.storeId;
  b.media = (await insertMedia(app, ownerB.storeId, { withBytes: true })).id;
  b.image = (await insertMediaRow(app, ownerB.storeId, { kind: 'store' })).id;
  b.license = (await insertLicense(app, { storeId: ownerB.storeId, userId: ownerB.userId }, 'rejected')).id;
  b.product = await insertProduct(app, ownerB.storeId);
  b.staff = (await addMember(app, ownerB.token, ownerB.storeId, 'staff')).userId;
  const [notification] = await app.deps.db
    .insert(notifications)
    .values({ storeId: ownerB.storeId, audience: 'store', type: 'system_announcement', title: 'B', message: 'B' })
    .returning({ id: notifications.id });
  b.notification = notification?.id ?? '';
});
afterAll(() => app.close());

/** One call over tRPC's fetch adapter with the web route's options, as store A's owner. */
async function answer(type: 'query' | 'mutation', path: string, input: unknown) {
  const url = new URL(`http://localhost${TRPC_ENDPOINT}/${path}`);
  if (type === 'query') url.searchParams.set('input', JSON.stringify(input));
  const req = new Request(url, {
    method: type === 'query' ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${ownerA.token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    ...(type === 'mutation' && { body: JSON.stringify(input) }),
  });
  const response = await fetchRequestHandler({
    ...trpcHttpOptions(app.deps),
    req,
    router: app.router,
    createContext: ({ resHeaders }) => createContextFactory(app.deps)({ headers: req.headers, resHeaders }),
  });
  const body = (await response.json()) as { error?: { data?: Record<string, unknown> } };
  expect(body.error, `${path} should have been refused`).toBeDefined();
  delete body.error?.data?.requestId;
  return { status: response.status, body };
}

type Case = [path: string, type: 'query' | 'mutation', input: (id: string) => unknown, id: () => string];

const CASES: Case[] = [
  ['media.get', 'query', (mediaId) => ({ mediaId }), () => b.media],
  ['media.readUrl', 'query', (mediaId) => ({ mediaId }), () => b.media],
  ['media.delete', 'mutation', (mediaId) => ({ mediaId }), () => b.media],
  ['licenses.create', 'mutation', (mediaId) => licenseInput(mediaId), () => b.media],
  ['licenses.delete', 'mutation', (licenseId) => ({ licenseId }), () => b.license],
  ['store.setLogo', 'mutation', (mediaId) => ({ mediaId }), () => b.image],
  ['store.setBanner', 'mutation', (mediaId) => ({ mediaId }), () => b.image],
  ['auth.setAvatar', 'mutation', (mediaId) => ({ mediaId }), () => b.image],
  ['vendorProducts.create', 'mutation', (id) => productInput({ mediaIds: [id] }), () => b.image],
  ['vendorProducts.get', 'query', (productId) => ({ productId }), () => b.product],
  ['vendorProducts.update', 'mutation', (productId) => ({ productId, title: 'Taken' }), () => b.product],
  ['vendorProducts.setInventory', 'mutation', (productId) => ({ productId, onHandQty: 0 }), () => b.product],
  ['vendorProducts.delete', 'mutation', (productId) => ({ productId }), () => b.product],
  ['products.get', 'query', (productId) => ({ productId }), () => b.product],
  ['browse.storefront', 'query', (vendorId) => ({ vendorId }), () => b.store],
  ['store.public.get', 'query', (storeId) => ({ storeId }), () => b.store],
  ['notifications.markRead', 'mutation', (id) => ({ id }), () => b.notification],
  ['store.members.remove', 'mutation', (userId) => ({ userId }), () => b.staff],
  ['store.members.changeRole', 'mutation', (userId) => ({ userId, role: 'viewer' }), () => b.staff],
  ['store.invitations.accept', 'mutation', (storeId) => ({ storeId }), () => b.store],
  ['store.invitations.decline', 'mutation', (storeId) => ({ storeId }), () => b.store],
  ['auth.switchStore', 'mutation', (storeId) => ({ storeId }), () => b.store],
];

describe("another store's id answers exactly like a random id", () => {
  it.each(CASES)('%s', async (path, type, input, otherStoreId) => {
    const other = await answer(type, path, input(otherStoreId()));
    const random = await answer(type, path, input(randomUUID()));
    expect(other).toEqual(random);
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBeLessThan(500);
  });
});
