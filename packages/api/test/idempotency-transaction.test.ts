import { randomUUID } from 'node:crypto';
import { idempotencyKeys, products, stores, users } from '@pf/db';
import { AppError, type RegisterInput } from '@pf/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, failureOf, registerInputFor, registerOwner, type TestApp } from '../src/testing';
import { claimIdempotencyKey, type IdempotencyRequest } from '../src/trpc/idempotency';
import { waitUntil } from './fault/harness';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { insertMedia, productInput } from './product-fixtures';

/**
 * The idempotency record is written in the transaction of the change it answers for (DOMAIN §10.4): a failure
 * anywhere before the commit keeps neither, so the retry with the same key runs once and for real.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const register = (key: string, input: RegisterInput) => {
  const { caller, resHeaders } = app.call({ idempotencyKey: key, ip: freshIp() });
  return { promise: caller.auth.register(input), replayed: () => resHeaders.get('idempotency-replayed') };
};
const usersWith = (email: string) => app.deps.db.select().from(users).where(eq(users.email, email));
const storesNamed = (name: string) => app.deps.db.select().from(stores).where(eq(stores.companyName, name));
const recordsOf = (key: string) => app.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));

/** A promise the test resolves by hand: holds a request inside its transaction for as long as a test needs. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Backends of this test database waiting for a lock: a duplicate blocked on the first request's record. */
const lockWaiters = async () => {
  const rows = (await app.deps.db.execute(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  )) as unknown as { n: number }[];
  return rows[0]?.n ?? 0;
};

describe('a failure after the business writes, before the answer', () => {
  it('auth.register whose session write fails after the user insert keeps nothing; the retry registers once', async () => {
    const input = registerInputFor();
    const key = randomUUID();
    vi.spyOn(app.deps.sessions, 'create').mockRejectedValueOnce(new Error('redis went away'));
    const failure = await failureOf(register(key, input).promise);
    expect(failure.code).not.toBe('CONFLICT');
    expect(await usersWith(input.email)).toHaveLength(0);
    expect(await storesNamed(input.companyName)).toHaveLength(0);
    expect(await recordsOf(key)).toHaveLength(0);

    const retry = register(key, input);
    const registered = await retry.promise;
    expect(retry.replayed()).toBe('false');
    const again = register(key, input);
    expect(await again.promise).toEqual(registered);
    expect(again.replayed()).toBe('true');
    expect(await usersWith(input.email)).toHaveLength(1);
    expect((await storesNamed(input.companyName)).map((store) => store.id)).toEqual([registered.activeStoreId]);
  });

  it('vendorProducts.create whose link signing fails after the insert keeps nothing; the retry creates one', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    const input = productInput({ mediaIds: [await insertMedia(app, owner.storeId)] });
    const create = () => {
      const { caller, resHeaders } = app.call({ token: owner.token, idempotencyKey: key });
      return { promise: caller.vendorProducts.create(input), replayed: () => resHeaders.get('idempotency-replayed') };
    };
    const ownProducts = () => app.deps.db.select().from(products).where(eq(products.storeId, owner.storeId));
    vi.spyOn(app.deps.storage, 'signDownload').mockRejectedValueOnce(new Error('storage signer unavailable'));
    await failureOf(create().promise);
    expect(await ownProducts()).toHaveLength(0);
    expect(await recordsOf(key)).toHaveLength(0);

    const retry = create();
    const created = await retry.promise;
    expect(retry.replayed()).toBe('false');
    expect(created.gallery).toHaveLength(1);
    const again = create();
    expect((await again.promise).id).toBe(created.id);
    expect(again.replayed()).toBe('true');
    expect((await ownProducts()).map((product) => product.id)).toEqual([created.id]);
  });

  it('a business-rule error after writes keeps none of them and is replayed verbatim', async () => {
    const input = registerInputFor();
    const key = randomUUID();
    const refusal = new AppError('CONFLICT', 'Refused after the store was written.', {
      details: { reason: 'test' },
      violations: [{ path: 'companyName', code: 'duplicate', message: 'taken' }],
    });
    vi.spyOn(app.deps.sessions, 'create').mockRejectedValueOnce(refusal);
    const first = await failureOf(register(key, input).promise);
    expect(first).toEqual({ code: 'CONFLICT', message: refusal.message, violations: refusal.violations });
    expect(await usersWith(input.email)).toHaveLength(0);
    expect(await storesNamed(input.companyName)).toHaveLength(0);

    // Sessions work again, yet the same key answers what it answered the first time, and writes nothing.
    const replay = register(key, input);
    expect(await failureOf(replay.promise)).toEqual(first);
    expect(replay.replayed()).toBe('true');
    expect(await usersWith(input.email)).toHaveLength(0);
    expect((await recordsOf(key)).map((record) => record.responseStatus)).toEqual([400]);
  });
});

describe('a duplicate arriving while the first request runs', () => {
  it('waits for the first to commit and replays its answer', async () => {
    const input = registerInputFor();
    const key = randomUUID();
    const [entered, hold] = [gate(), gate()];
    const createSession = app.deps.sessions.create.bind(app.deps.sessions);
    vi.spyOn(app.deps.sessions, 'create').mockImplementationOnce(async (...args) => {
      entered.open();
      await hold.opened;
      return createSession(...args);
    });
    const first = register(key, input);
    await entered.opened;
    const duplicate = register(key, input);
    await waitUntil(
      async () => (await lockWaiters()) > 0,
      30_000,
      async () => 'the duplicate never waited on the first request',
    );
    hold.open();

    const [original, replayed] = await Promise.all([first.promise, duplicate.promise]);
    expect(first.replayed()).toBe('false');
    expect(duplicate.replayed()).toBe('true');
    expect(replayed).toEqual(original);
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await storesNamed(input.companyName)).toHaveLength(1);
  });

  it('runs itself, once, when the first fails with a retryable error', async () => {
    const input = registerInputFor();
    const key = randomUUID();
    const [entered, hold] = [gate(), gate()];
    vi.spyOn(app.deps.sessions, 'create').mockImplementationOnce(async () => {
      entered.open();
      await hold.opened;
      throw new Error('redis went away');
    });
    const first = register(key, input);
    await entered.opened;
    const duplicate = register(key, input);
    await waitUntil(
      async () => (await lockWaiters()) > 0,
      30_000,
      async () => 'the duplicate never waited on the first request',
    );
    hold.open();

    await failureOf(first.promise);
    const registered = await duplicate.promise;
    expect(duplicate.replayed()).toBe('false');
    expect(await usersWith(input.email)).toHaveLength(1);
    expect((await storesNamed(input.companyName)).map((store) => store.id)).toEqual([registered.activeStoreId]);
  });
});

describe('the wait of a duplicate is bounded', () => {
  it('answers IDEMPOTENCY_IN_PROGRESS when the first holds its key too long, and takes nothing', async () => {
    const request: IdempotencyRequest = { scope: 'test|', key: randomUUID(), hash: 'h', window: '24h' };
    const [claimed, release] = [gate(), gate()];
    const first = app.deps.db
      .transaction(async (tx) => {
        expect(await claimIdempotencyKey(tx, app.deps, request)).toEqual({ kind: 'claimed' });
        claimed.open();
        await release.opened;
        throw new Error('the first request failed');
      })
      .catch((error: Error) => error.message);
    await claimed.opened;

    const duplicate = app.deps.db.transaction((tx) => claimIdempotencyKey(tx, app.deps, request, 50));
    await expect(duplicate).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    release.open();
    expect(await first).toBe('the first request failed');
    // The first rolled back: the key is free for the retry.
    const retry = app.deps.db.transaction((tx) => claimIdempotencyKey(tx, app.deps, request));
    expect(await retry).toEqual({ kind: 'claimed' });
  });
});
