import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventoryItems, licenses, media, products, productVolumeDiscounts, stores } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppRouter,
  createCallerFactory,
  createContextFactory,
  createRuntime,
  loadConfig,
  type Runtime,
  TOKEN_HEADER,
} from '../src';
import { seedBilling } from '../src/seed/billing';
import { registerInputFor, STRONG_PASSWORD } from '../src/testing';
import { productInput } from './product-fixtures';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pf-pglite-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const embeddedConfig = () =>
  loadConfig({
    APP_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
  });

function clientFor(runtime: Runtime) {
  const createCaller = createCallerFactory(createAppRouter({ devAdminRegister: true }));
  const createContext = createContextFactory(runtime.deps);
  return (options: { token?: string | null; idempotencyKey?: string } = {}) => {
    const headers = new Headers({ 'x-forwarded-for': '192.0.2.1' });
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.idempotencyKey) headers.set('idempotency-key', options.idempotencyKey);
    const resHeaders = new Headers();
    return { caller: createCaller(createContext({ headers, resHeaders })), resHeaders };
  };
}

/**
 * The cart's raw statements (one-statement snapshot write, ordered conditional reservation) on PGlite: a
 * licensed vendor and product written directly, then quote and checkout through the API.
 */
async function expectQuoteAndCheckout(
  runtime: Runtime,
  call: ReturnType<typeof clientFor>,
  token: string | null,
  buyerStoreId: string,
  userId: string,
) {
  const db = runtime.deps.db;
  const address = {
    line1: '1 Main St',
    city: 'Tulsa',
    state: 'OK' as const,
    postalCode: '74103',
    country: 'US' as const,
    lat: 36.1,
    lng: -95.9,
  };
  const [vendor] = await db
    .insert(stores)
    .values({
      type: 'vendor',
      companyName: 'Embedded Farms',
      kycStatus: 'verified',
      subscriptionActive: true,
      address,
      ownerUserId: userId,
    })
    .returning({ id: stores.id });
  const vendorId = vendor?.id ?? '';
  await db.update(stores).set({ kycStatus: 'verified' }).where(eq(stores.id, buyerStoreId));
  for (const storeId of [vendorId, buyerStoreId]) {
    const mediaId = randomUUID();
    const objectKey = `${storeId}/license_doc/${mediaId}.pdf`;
    await db.insert(media).values({
      id: mediaId,
      storeId,
      kind: 'license_doc',
      status: 'uploaded',
      objectKey,
      fileName: 'l.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 1,
    });
    await db.insert(licenses).values({
      storeId,
      userId,
      status: 'verified',
      mediaId,
      objectKey,
      issuingState: 'OK',
      type: 'grower',
      number: `L-${mediaId}`,
    });
  }
  const [product] = await db
    .insert(products)
    .values({
      storeId: vendorId,
      sku: 'EMB-1',
      title: 'Embedded Kush',
      category: 'flower',
      unit: 'gram',
      priceCents: 1000,
    })
    .returning({ id: products.id });
  const productId = product?.id ?? '';
  await db.insert(inventoryItems).values({ productId, onHandQty: 5 });
  await db.insert(productVolumeDiscounts).values({ storeId: vendorId, productId, minQty: 3, discountPercent: '10' });
  const cart = await call({ token }).caller.cart.quote({
    items: [
      { productId, vendorStoreId: vendorId, quantity: 2 },
      { productId, vendorStoreId: vendorId, quantity: 2 },
    ],
  });
  expect(cart).toMatchObject({ lineCount: 1, totalCents: 3600 });
  expect(await call({ token }).caller.cart.get()).toEqual(cart);
  const result = await call({ token, idempotencyKey: randomUUID() }).caller.checkout.submit({
    cartId: cart.id,
    paymentMethod: 'cash',
  });
  expect(result.vendorOrders[0]).toMatchObject({
    status: 'created_pending',
    totalCents: 3600,
    paymentIntent: { amountCents: 3600 },
  });
  const [stock] = await db.select().from(inventoryItems).where(eq(inventoryItems.productId, productId));
  expect(stock?.reservedQty).toBe(4);
  expect(await call({ token }).caller.checkout.confirmation({ identifier: result.checkoutGroupId })).toEqual(result);
}

// Starting PGlite (WASM) and migrating it takes seconds, more on a busy machine; this is a limit, not an assertion.
describe('embedded mode (no DATABASE_URL, no REDIS_URL)', { timeout: 120_000 }, () => {
  it('runs on PGlite and the in-process KV, migrates itself, and serves register → login → me', async () => {
    const input = registerInputFor({ storeType: 'buyer', companyName: 'Embedded Dispensary' });
    const config = embeddedConfig();
    expect(config).toMatchObject({ embedded: true, autoMigrate: true });
    expect(config.DATABASE_URL ?? config.REDIS_URL).toBeUndefined();

    const runtime = await createRuntime(config);
    try {
      expect(runtime.dbHandle.kind).toBe('pglite');
      expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
      // No secret was configured: one was generated and kept under DATA_DIR.
      expect(existsSync(join(dataDir, 'auth-secret'))).toBe(true);
      const call = clientFor(runtime);

      const registered = call({ idempotencyKey: randomUUID() });
      const created = await registered.caller.auth.register(input);
      expect(created.activeStoreId).toBeTruthy();
      expect(registered.resHeaders.get(TOKEN_HEADER)).toBeTruthy();

      const signIn = call();
      const login = await signIn.caller.auth.login({ email: input.email, password: STRONG_PASSWORD });
      expect(login.activeStoreId).toBe(created.activeStoreId);
      const token = signIn.resHeaders.get(TOKEN_HEADER);

      const me = await call({ token }).caller.auth.me();
      expect(me.user.email).toBe(input.email);
      expect(me.activeStore).toMatchObject({ name: 'Embedded Dispensary', type: 'buyer', role: 'owner' });
      expect((await call({ token }).caller.store.me.get()).companyName).toBe('Embedded Dispensary');
      await expectQuoteAndCheckout(runtime, call, token, created.activeStoreId ?? '', created.user.id);
    } finally {
      await runtime.close();
    }
  });

  it('keeps data on disk across a restart, while sessions (in-process KV) do not survive it', async () => {
    const input = registerInputFor({ storeType: 'vendor', companyName: 'Persistent Growers' });
    const first = await createRuntime(embeddedConfig());
    let token: string | null;
    try {
      const registered = clientFor(first)({ idempotencyKey: randomUUID() });
      await registered.caller.auth.register(input);
      token = registered.resHeaders.get(TOKEN_HEADER);
      expect((await clientFor(first)({ token }).caller.auth.me()).user.email).toBe(input.email);
    } finally {
      await first.close();
    }

    const second = await createRuntime(embeddedConfig());
    try {
      const call = clientFor(second);
      // The token is still correctly signed (same generated secret), but its session lived in memory.
      await expect(call({ token }).caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const signIn = call();
      const login = await signIn.caller.auth.login({ email: input.email, password: STRONG_PASSWORD });
      expect(login.stores.map((s) => s.name)).toEqual(['Persistent Growers']);
      expect((await call({ token: signIn.resHeaders.get(TOKEN_HEADER) }).caller.auth.me()).user.email).toBe(
        input.email,
      );
    } finally {
      await second.close();
    }
  });

  it('runs each idempotent write as one transaction on the single connection: duplicates replay', async () => {
    const runtime = await createRuntime(embeddedConfig());
    try {
      const call = clientFor(runtime);
      const input = registerInputFor({ storeType: 'vendor', companyName: 'Single Connection Farms' });
      const key = randomUUID();
      const attempts = [1, 2, 3].map(() => call({ idempotencyKey: key }));
      const answers = await Promise.all(attempts.map((attempt) => attempt.caller.auth.register(input)));
      const replayed = attempts.map((attempt) => attempt.resHeaders.get('idempotency-replayed'));
      expect([...replayed].sort()).toEqual(['false', 'true', 'true']);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const token = attempts[replayed.indexOf('false')]?.resHeaders.get(TOKEN_HEADER);

      // A create (its own transaction nested in the idempotent one), its duplicate and a read, all at once.
      const productKey = randomUUID();
      const sku = `SKU-${productKey.slice(0, 8)}`;
      const createSku = () =>
        call({ token, idempotencyKey: productKey }).caller.vendorProducts.create(productInput({ sku }));
      const [product, again, me] = await Promise.all([createSku(), createSku(), call({ token }).caller.auth.me()]);
      expect(again).toEqual(product);
      expect(me.activeStore?.name).toBe('Single Connection Farms');
      const createOther = () =>
        call({ token, idempotencyKey: productKey }).caller.vendorProducts.create(productInput());
      await expect(createOther()).rejects.toMatchObject({ cause: { code: 'IDEMPOTENCY_KEY_REUSED' } });
      const stored = await runtime.deps.db.select().from(products).where(eq(products.sku, sku));
      expect(stored.map((row) => row.id)).toEqual([product.id]);
    } finally {
      await runtime.close();
    }
  });

  it('subscribes a vendor through the simulated provider, whose writes and webhooks share the one connection', async () => {
    const runtime = await createRuntime(embeddedConfig());
    try {
      await seedBilling(runtime.deps);
      const call = clientFor(runtime);
      const registered = call({ idempotencyKey: randomUUID() });
      await registered.caller.auth.register(registerInputFor({ storeType: 'vendor', companyName: 'Paying Farms' }));
      const token = registered.resHeaders.get(TOKEN_HEADER);

      const checkoutKey = randomUUID();
      const opened = await call({ token, idempotencyKey: checkoutKey }).caller.billing.subscribe({});
      // A retried click opens the same session: the provider deduplicates by the forwarded key.
      expect(await call({ token, idempotencyKey: checkoutKey }).caller.billing.subscribe({})).toEqual(opened);
      const sessionId = opened.url.split('/').at(-1) ?? '';
      await call({ token, idempotencyKey: randomUUID() }).caller.billing.simulator.pay({ sessionId });

      const overview = await call({ token }).caller.billing.overview();
      expect(overview.subscription?.status).toBe('active');
      expect(overview.hasCustomer).toBe(true);
      expect(overview.charges.map((charge) => charge.amountCents)).toEqual([overview.subscription?.plan?.priceCents]);
    } finally {
      await runtime.close();
    }
  });
});
