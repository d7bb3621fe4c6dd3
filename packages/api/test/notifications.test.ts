import { randomUUID } from 'node:crypto';
import { notifications } from '@pf/db';
import type { NotificationDto } from '@pf/domain';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsConsumer } from '../src/consumers/notifications';
import { createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { emit } from '../src/events/emit';
import {
  createAdmin,
  createTestApp,
  failureOf,
  registerOwner,
  STRONG_PASSWORD,
  signIn,
  type TestApp,
  uniqueEmail,
} from '../src/testing';
import { createContextFactory } from '../src/trpc/context';
import { addMember, freshIp, RELAXED_LIMITS } from './helpers';

let app: TestApp;
let admin: string;
let agent: string;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  admin = (await createAdmin(app, { email: uniqueEmail('inbox-admin'), ip: freshIp() })).token;
  const agentEmail = uniqueEmail('inbox-agent');
  await app.call({ token: admin, idempotencyKey: randomUUID() }).caller.admin.agents.create({
    email: agentEmail,
    password: STRONG_PASSWORD,
    firstName: 'Al',
    lastName: 'Agent',
  });
  agent = (await signIn(app, agentEmail, STRONG_PASSWORD, freshIp())).token;
});
afterAll(() => app.close());

/** The caller's `notifications.*` procedures; every call carries a fresh Idempotency-Key, as the web client does. */
const inbox = (token: string, idempotencyKey: string = randomUUID()) =>
  app.call({ token, idempotencyKey, ip: freshIp() }).caller.notifications;

/** One pass of what the embedded worker does continuously: publish the outbox, then run the consumer. */
async function deliver() {
  await dispatchOutboxBatch(app.deps);
  await app.deps.transport.receive('notifications', 100, createDeliveryProcessor(app.deps, notificationsConsumer));
}

/**
 * `count` store notifications one microsecond apart (plus `ties` sharing one timestamp), every third read:
 * a cursor that kept only milliseconds, or no id tie-break, would skip or repeat rows.
 */
async function insertBulk(storeId: string, count: number, ties = 0) {
  await app.deps.db.execute(sql`
    insert into notifications (store_id, audience, type, title, message, created_at, read_at)
    select ${storeId}::uuid, 'store', 'order_alert', 'Bulk ' || g, 'Row ' || g,
           '2026-01-01T00:00:00Z'::timestamptz + least(g, ${count + 1}) * interval '1 microsecond',
           case when g % 3 = 0 then now() end
    from generate_series(1, ${count + ties}) as g`);
}

/** The expected order, straight from the table. */
const idsInOrder = async (storeId: string, unreadOnly = false) =>
  (
    await app.deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.storeId, storeId), unreadOnly ? isNull(notifications.readAt) : undefined))
      .orderBy(sql`${notifications.createdAt} desc, ${notifications.id} desc`)
  ).map((row) => row.id);

async function pageThrough(token: string, options: { limit?: number; unreadOnly?: boolean } = {}) {
  const pages: NotificationDto[][] = [];
  let cursor: string | null = null;
  do {
    const page = await inbox(token).list({ ...options, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

const readAtOf = async (id: string) =>
  (await app.deps.db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]
    ?.readAt;

describe('a store hears about a new team member', () => {
  it('through the outbox: listed newest first, counted, marked read once, idempotently', async () => {
    const owner = await registerOwner(app);
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 0 });
    const member = await addMember(app, owner.token, owner.storeId, 'staff');
    // Nothing until the event is published and consumed.
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 0 });
    await deliver();

    const { items, nextCursor } = await inbox(owner.token).list();
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    const [joined] = items;
    expect(joined).toMatchObject({
      type: 'security_alert',
      title: 'New team member',
      message: 'Mo Member joined your team as staff.',
      link: '/settings/team',
      readAt: null,
    });
    expect(Object.keys(joined ?? {}).sort()).toEqual(['createdAt', 'id', 'link', 'message', 'readAt', 'title', 'type']);
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 1 });
    // The new member belongs to the store too, so the store's inbox is theirs as well.
    expect((await inbox(member.token).list()).items.map((n) => n.id)).toEqual([joined?.id]);

    const id = joined?.id ?? '';
    expect(await inbox(owner.token).markRead({ id })).toEqual({ read: true });
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 0 });
    const firstReadAt = await readAtOf(id);
    expect(firstReadAt).toBeInstanceOf(Date);

    // Already read: still 200, and the first read time stands (another member reading it changes nothing).
    expect(await inbox(owner.token).markRead({ id })).toEqual({ read: true });
    expect(await inbox(member.token).markRead({ id })).toEqual({ read: true });
    expect(await readAtOf(id)).toEqual(firstReadAt);
    const [listed] = (await inbox(owner.token).list()).items;
    expect(listed?.readAt).toBe(firstReadAt?.toISOString());
    expect((await inbox(owner.token).list({ unreadOnly: true })).items).toEqual([]);
  });

  it('replays a repeated Idempotency-Key and refuses a mutation without one', async () => {
    const owner = await registerOwner(app);
    await addMember(app, owner.token, owner.storeId, 'viewer');
    await deliver();
    const [joined] = (await inbox(owner.token).list()).items;
    const key = randomUUID();
    const first = app.call({ token: owner.token, idempotencyKey: key });
    expect(await first.caller.notifications.markRead({ id: joined?.id ?? '' })).toEqual({ read: true });
    expect(first.resHeaders.get('idempotency-replayed')).toBe('false');
    const again = app.call({ token: owner.token, idempotencyKey: key });
    expect(await again.caller.notifications.markRead({ id: joined?.id ?? '' })).toEqual({ read: true });
    expect(again.resHeaders.get('idempotency-replayed')).toBe('true');

    const unkeyed = app.call({ token: owner.token }).caller.notifications;
    expect((await failureOf(unkeyed.markAllRead())).code).toBe('VALIDATION_ERROR');
    expect((await failureOf(unkeyed.markRead({ id: joined?.id ?? '' }))).code).toBe('VALIDATION_ERROR');
  });

  it('marks all read and reports how many changed', async () => {
    const owner = await registerOwner(app);
    const other = await registerOwner(app);
    await insertBulk(owner.storeId, 6);
    await insertBulk(other.storeId, 3);
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 4 });
    expect(await inbox(owner.token).markAllRead()).toEqual({ updated: 4 });
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 0 });
    expect(await inbox(owner.token).markAllRead()).toEqual({ updated: 0 });
    // Only the caller's store.
    expect(await inbox(other.token).unreadCount()).toEqual({ count: 2 });
  });
});

describe('over HTTP, as the web client calls it', () => {
  /** One non-batched request through tRPC's fetch adapter, the way the browser's mutation link sends it. */
  const post = (path: string, token: string, body?: string) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://localhost/api/trpc/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
        },
        body,
      }),
      router: app.router,
      createContext: ({ req, resHeaders }) =>
        createContextFactory(app.deps)({ headers: req.headers, resHeaders, browserSessionId: null }),
    });

  it('marks read and marks all read', async () => {
    const owner = await registerOwner(app);
    await insertBulk(owner.storeId, 3);
    const [first] = (await inbox(owner.token).list({ unreadOnly: true })).items;
    const one = await post('notifications.markRead', owner.token, JSON.stringify({ id: first?.id }));
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ result: { data: { read: true } } });
    const all = await post('notifications.markAllRead', owner.token, '{}');
    expect(all.status).toBe(200);
    expect(await all.json()).toEqual({ result: { data: { updated: 1 } } });
  });
});

describe('pagination', () => {
  let owner: Awaited<ReturnType<typeof registerOwner>>;
  beforeAll(async () => {
    owner = await registerOwner(app);
    await insertBulk(owner.storeId, 60, 5);
  });

  it('pages of 25 by default, newest first, every row exactly once (microsecond and tied timestamps)', async () => {
    const pages = await pageThrough(owner.token);
    expect(pages.map((page) => page.length)).toEqual([25, 25, 15]);
    expect(pages.flat().map((n) => n.id)).toEqual(await idsInOrder(owner.storeId));
    expect(pages[0]?.[0]?.title).toMatch(/^Bulk (6[1-5])$/);
  });

  it('honours a limit up to 100 and rejects more', async () => {
    expect((await pageThrough(owner.token, { limit: 7 })).map((page) => page.length)).toEqual([
      7, 7, 7, 7, 7, 7, 7, 7, 7, 2,
    ]);
    const all = await inbox(owner.token).list({ limit: 100 });
    expect(all.items).toHaveLength(65);
    expect(all.nextCursor).toBeNull();
    // What a TanStack infinite query sends.
    const first = await inbox(owner.token).list({ limit: 7, cursor: null, direction: 'forward' });
    expect(first.items).toHaveLength(7);
    const tooMany = await failureOf(inbox(owner.token).list({ limit: 101 }));
    expect(tooMany.code).toBe('VALIDATION_ERROR');
    expect(tooMany.violations.map((v) => v.path)).toEqual(['limit']);
  });

  it('filters to unread only, across pages', async () => {
    const pages = await pageThrough(owner.token, { limit: 10, unreadOnly: true });
    const unread = await idsInOrder(owner.storeId, true);
    expect(pages.flat().map((n) => n.id)).toEqual(unread);
    expect(pages.flat().every((n) => n.readAt === null)).toBe(true);
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: unread.length });
  });

  it('refuses a cursor it did not issue', async () => {
    for (const cursor of ['garbage', Buffer.from('2026-01-01|x').toString('base64url'), 'a'.repeat(201)]) {
      const failure = await failureOf(inbox(owner.token).list({ cursor }));
      expect(failure.code).toBe('VALIDATION_ERROR');
      expect(failure.violations.map((v) => v.path)).toEqual(['cursor']);
    }
  });
});

describe('tenant isolation', () => {
  it("another store cannot list, count, read or mark a store's notifications", async () => {
    const owner = await registerOwner(app);
    const stranger = await registerOwner(app);
    await addMember(app, owner.token, owner.storeId, 'manager');
    await deliver();
    const [mine] = (await inbox(owner.token).list()).items;
    const id = mine?.id ?? '';

    expect((await inbox(stranger.token).list()).items).toEqual([]);
    expect(await inbox(stranger.token).unreadCount()).toEqual({ count: 0 });
    expect((await failureOf(inbox(stranger.token).markRead({ id }))).code).toBe('NOT_FOUND');
    expect(await inbox(stranger.token).markAllRead()).toEqual({ updated: 0 });
    expect((await failureOf(inbox(stranger.token).markRead({ id: randomUUID() }))).code).toBe('NOT_FOUND');

    expect(await readAtOf(id)).toBeNull();
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 1 });
  });

  it("a stranger's cursor reveals nothing of another store", async () => {
    const owner = await registerOwner(app);
    const stranger = await registerOwner(app);
    await insertBulk(owner.storeId, 30);
    const { nextCursor } = await inbox(owner.token).list({ limit: 5 });
    expect(nextCursor).not.toBeNull();
    expect(await inbox(stranger.token).list({ cursor: nextCursor })).toEqual({ items: [], nextCursor: null });
  });
});

describe('the admin inbox', () => {
  it('receives admin-audience notifications that store users never see; agents have none', async () => {
    const owner = await registerOwner(app);
    const licenseId = randomUUID();
    await app.deps.db.transaction((tx) =>
      emit(tx, {
        type: 'license_status_changed',
        aggregateId: licenseId,
        data: { license_id: licenseId, store_id: owner.storeId, status: 'pending' },
        occurredAt: new Date(),
      }),
    );
    await deliver();

    const adminItems = (await inbox(admin).list({ limit: 100 })).items;
    const submitted = adminItems.find((n) => n.link === `/admin/licenses/${licenseId}`);
    expect(submitted).toMatchObject({ type: 'compliance', title: 'License submitted for review', readAt: null });
    const rows = await app.deps.db
      .select()
      .from(notifications)
      .where(
        inArray(
          notifications.id,
          adminItems.map((n) => n.id),
        ),
      );
    expect(rows.every((row) => row.audience === 'admins' && row.storeId === null)).toBe(true);
    expect((await inbox(admin).unreadCount()).count).toBeGreaterThanOrEqual(1);

    // The submitting store is named in the event, but the review request is not theirs to see.
    expect((await inbox(owner.token).list()).items).toEqual([]);
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 0 });
    const id = submitted?.id ?? '';
    expect((await failureOf(inbox(owner.token).markRead({ id }))).code).toBe('NOT_FOUND');
    expect(await inbox(owner.token).markAllRead()).toEqual({ updated: 0 });
    expect(await readAtOf(id)).toBeNull();

    // Nor does the admin inbox contain store notifications.
    await insertBulk(owner.storeId, 2);
    const [storeRow] = (await inbox(owner.token).list()).items;
    expect((await failureOf(inbox(admin).markRead({ id: storeRow?.id ?? '' }))).code).toBe('NOT_FOUND');
    expect((await inbox(admin).list({ limit: 100 })).items.map((n) => n.id)).not.toContain(storeRow?.id);

    // Agents have no inbox: empty, zero, nothing to mark.
    expect(await inbox(agent).list()).toEqual({ items: [], nextCursor: null });
    expect(await inbox(agent).unreadCount()).toEqual({ count: 0 });
    expect(await inbox(agent).markAllRead()).toEqual({ updated: 0 });
    expect((await failureOf(inbox(agent).markRead({ id }))).code).toBe('NOT_FOUND');

    expect(await inbox(admin).markRead({ id })).toEqual({ read: true });
    expect(await readAtOf(id)).toBeInstanceOf(Date);
    expect(await inbox(admin).markAllRead()).toEqual({ updated: expect.any(Number) });
    expect(await inbox(admin).unreadCount()).toEqual({ count: 0 });
    expect(await inbox(owner.token).unreadCount()).toEqual({ count: 2 });
  });
});
