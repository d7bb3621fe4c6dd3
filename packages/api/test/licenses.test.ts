import { randomUUID } from 'node:crypto';
import { auditLog, licenses, media, mediaAttachments } from '@pf/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { addMember, freshIp, RELAXED_LIMITS } from './helpers';
import {
  deliverNotifications,
  eventsOf,
  insertMedia,
  kycOf,
  licenseFootprint,
  licenseInput,
  signUpAdmin,
} from './license-helpers';

let app: TestApp;
let admin: { token: string; userId: string };
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  admin = await signUpAdmin(app);
});
afterAll(() => app.close());

type Owner = Awaited<ReturnType<typeof registerOwner>>;
const as = (token: string, headers: Record<string, string> = {}) =>
  app.call({ token, idempotencyKey: randomUUID(), ip: freshIp(), headers }).caller;

/** Registers a store and submits one license with a stored PDF. */
async function submitted(owner?: Owner) {
  const store = owner ?? (await registerOwner(app));
  const document = await insertMedia(app, store.storeId, { withBytes: true });
  const license = await as(store.token).licenses.create(licenseInput(document.id));
  return { store, license, document };
}

const decide = (licenseId: string, decision: 'verified' | 'rejected', reason?: string, requestId?: string) =>
  as(admin.token, requestId ? { 'x-request-id': requestId } : {}).admin.licenses.decide({
    licenseId,
    decision,
    reason,
  });

const inboxOf = async (token: string) => (await as(token).notifications.list({ limit: 100 })).items;

describe('submitting a license', () => {
  it('stores it pending with a protected attachment, leaves KYC pending, emits one event and audits it', async () => {
    const { store, license, document } = await submitted();
    expect(license).toMatchObject({ status: 'pending', storeId: store.storeId, mediaId: document.id });
    expect(license.documentUrl).toEqual(expect.any(String));
    expect(await kycOf(app, store.storeId)).toBe('pending_verification');
    expect(await eventsOf(app, license.id)).toEqual([
      {
        type: 'license_status_changed',
        data: {
          license_id: license.id,
          store_id: store.storeId,
          status: 'pending',
          store_name: store.input.companyName,
        },
      },
    ]);
    const attachments = await app.deps.db
      .select()
      .from(mediaAttachments)
      .where(eq(mediaAttachments.entityId, license.id));
    expect(attachments).toMatchObject([{ mediaId: document.id, entityType: 'license', storeId: store.storeId }]);
    const audit = await app.deps.db.select().from(auditLog).where(eq(auditLog.targetId, license.id));
    expect(audit).toMatchObject([{ action: 'license.submitted', actorUserId: store.userId, targetType: 'license' }]);
  });

  it('notifies the admin inbox, not the submitting store', async () => {
    const { store, license } = await submitted();
    await deliverNotifications(app);
    const adminItems = await inboxOf(admin.token);
    expect(adminItems.filter((item) => item.link === `/admin/licenses/${license.id}`)).toMatchObject([
      { type: 'compliance', title: 'License submitted for review' },
    ]);
    expect(await inboxOf(store.token)).toEqual([]);
  });

  it('is listed to its store newest first, paged by cursor, with a read URL', async () => {
    const { store, license: first } = await submitted();
    const { license: second } = await submitted(store);
    const page1 = await as(store.token).licenses.list({ limit: 1 });
    expect(page1.items.map((item) => item.id)).toEqual([second.id]);
    const page2 = await as(store.token).licenses.list({ limit: 1, cursor: page1.nextCursor });
    expect(page2.items.map((item) => item.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();
    expect(page2.items[0]?.documentUrl).toEqual(expect.any(String));
  });
});

describe('admin decisions', () => {
  it('verify: store KYC verified, event, store notification and an audit row with the request id', async () => {
    const { store, license } = await submitted();
    const requestId = `req-${randomUUID()}`;
    const decided = await decide(license.id, 'verified', undefined, requestId);
    expect(decided).toMatchObject({ status: 'verified', decisionReason: null, store: { id: store.storeId } });
    expect(await kycOf(app, store.storeId)).toBe('verified');
    expect((await eventsOf(app, license.id)).map((event) => event.data)).toEqual([
      { license_id: license.id, store_id: store.storeId, status: 'pending', store_name: store.input.companyName },
      { license_id: license.id, store_id: store.storeId, status: 'verified' },
    ]);
    const [audit] = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, license.id), eq(auditLog.action, 'license.verified')));
    expect(audit).toMatchObject({
      actorUserId: admin.userId,
      storeId: store.storeId,
      requestId,
      details: { before: { status: 'pending' }, after: { status: 'verified' }, kycAfter: 'verified' },
    });
    await deliverNotifications(app);
    expect(await inboxOf(store.token)).toMatchObject([
      { type: 'compliance', title: 'License approved', link: '/settings/compliance' },
    ]);
  });

  it('reject: the reason reaches the event, the license and the store notification; KYC rejected', async () => {
    const { store, license } = await submitted();
    const reason = 'The document is illegible.';
    expect(await decide(license.id, 'rejected', reason)).toMatchObject({ status: 'rejected', decisionReason: reason });
    expect((await eventsOf(app, license.id)).at(-1)?.data).toEqual({
      license_id: license.id,
      store_id: store.storeId,
      status: 'rejected',
      reason,
    });
    expect(await kycOf(app, store.storeId)).toBe('rejected');
    await deliverNotifications(app);
    const [notice] = await inboxOf(store.token);
    expect(notice).toMatchObject({ title: 'License rejected', link: '/settings/compliance' });
    expect(notice?.message).toContain(reason);
  });

  it('a rejection needs a reason', async () => {
    const { license } = await submitted();
    const failure = await failureOf(decide(license.id, 'rejected'));
    expect(failure).toMatchObject({ code: 'VALIDATION_ERROR', violations: [{ path: 'reason' }] });
  });

  it('deciding twice is a CONFLICT and changes nothing', async () => {
    const { license } = await submitted();
    await decide(license.id, 'verified');
    const before = await licenseFootprint(app);
    const failure = await failureOf(decide(license.id, 'rejected', 'Changed my mind'));
    expect(failure).toMatchObject({ code: 'CONFLICT', message: 'license already finalized' });
    expect(await licenseFootprint(app)).toEqual(before);
  });

  it('an unknown license is NOT_FOUND', async () => {
    expect((await failureOf(decide(randomUUID(), 'verified'))).code).toBe('NOT_FOUND');
    expect((await failureOf(as(admin.token).admin.licenses.get({ licenseId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('deleting a license', () => {
  it('refuses pending and verified licenses with STATE_CONFLICT', async () => {
    const { store, license } = await submitted();
    expect((await failureOf(as(store.token).licenses.delete({ licenseId: license.id }))).code).toBe('STATE_CONFLICT');
    await decide(license.id, 'verified');
    const before = await licenseFootprint(app);
    expect((await failureOf(as(store.token).licenses.delete({ licenseId: license.id }))).code).toBe('STATE_CONFLICT');
    expect(await licenseFootprint(app)).toEqual(before);
  });

  it('a rejected one: attachment and row go, media stays, KYC falls back to pending without a verified license', async () => {
    const { store, license, document } = await submitted();
    await decide(license.id, 'rejected', 'Expired document');
    expect(await as(store.token).licenses.delete({ licenseId: license.id })).toEqual({ deleted: true });
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.id, license.id))).toEqual([]);
    expect(await app.deps.db.select().from(mediaAttachments).where(eq(mediaAttachments.mediaId, document.id))).toEqual(
      [],
    );
    expect(await app.deps.db.select({ id: media.id }).from(media).where(eq(media.id, document.id))).toHaveLength(1);
    expect(await kycOf(app, store.storeId)).toBe('pending_verification');
    const [audit] = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, license.id), eq(auditLog.action, 'license.deleted')));
    expect(audit?.actorUserId).toBe(store.userId);
  });

  it('a rejected one next to a verified one leaves KYC verified', async () => {
    const { store, license: good } = await submitted();
    const { license: bad } = await submitted(store);
    await decide(good.id, 'verified');
    await decide(bad.id, 'rejected', 'Wrong state');
    await as(store.token).licenses.delete({ licenseId: bad.id });
    expect(await kycOf(app, store.storeId)).toBe('verified');
  });
});

describe('tenancy and roles', () => {
  it("store B neither lists nor deletes store A's licenses", async () => {
    const { license } = await submitted();
    await decide(license.id, 'rejected', 'Blurry');
    const storeB = await registerOwner(app);
    expect((await as(storeB.token).licenses.list()).items).toEqual([]);
    const failure = await failureOf(as(storeB.token).licenses.delete({ licenseId: license.id }));
    expect(failure.code).toBe('NOT_FOUND');
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.id, license.id))).toHaveLength(1);
  });

  it('staff may submit but not delete; a viewer may do neither; only admins reach the admin procedures', async () => {
    const { store, license } = await submitted();
    await decide(license.id, 'rejected', 'Blurry');
    const staff = await addMember(app, store.token, store.storeId, 'staff');
    const viewer = await addMember(app, store.token, store.storeId, 'viewer');
    const document = await insertMedia(app, store.storeId);
    await as(staff.token).licenses.create(licenseInput(document.id));
    expect((await failureOf(as(staff.token).licenses.delete({ licenseId: license.id }))).code).toBe('FORBIDDEN');
    const other = await insertMedia(app, store.storeId);
    expect((await failureOf(as(viewer.token).licenses.create(licenseInput(other.id)))).code).toBe('FORBIDDEN');
    for (const token of [store.token, staff.token]) {
      expect((await failureOf(as(token).admin.licenses.queue())).code).toBe('FORBIDDEN');
      const decision = as(token).admin.licenses.decide({ licenseId: license.id, decision: 'verified' });
      expect((await failureOf(decision)).code).toBe('FORBIDDEN');
      expect((await failureOf(as(token).admin.audit.list())).code).toBe('FORBIDDEN');
    }
  });
});
