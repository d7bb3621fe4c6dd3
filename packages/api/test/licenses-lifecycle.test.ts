import { randomUUID } from 'node:crypto';
import { auditLog, licenses, media, mediaAttachments, stores } from '@pf/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseLifecycleJob } from '../src/cron/jobs/license-lifecycle';
import { addDays } from '../src/services/licenses/dates';
import { createTestApp, registerOwner, signIn, type TestApp } from '../src/testing';
import { DAY_MS, fixedClock } from './cron-helpers';
import { freshIp, RELAXED_LIMITS } from './helpers';
import {
  adminSession,
  deliverNotifications,
  eventsOf,
  insertMedia,
  kycOf,
  licenseInput,
  signUpAdmin,
} from './license-helpers';

const clock = fixedClock('2030-01-15T12:00:00.000Z');
let app: TestApp;
let adminEmail: string;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  adminEmail = (await signUpAdmin(app)).email;
});
afterAll(() => app.close());

const as = (token: string) => app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;
type Owner = Awaited<ReturnType<typeof registerOwner>>;
// Sessions are signed again at each use: moving the clock by days outlives any access token.
const asAdmin = async () => as(await adminSession(app, adminEmail));
const asStore = async (store: Owner) =>
  as((await signIn(app, store.input.email, store.input.password, freshIp())).token);
const run = () => licenseLifecycleJob.run(app.deps, new AbortController().signal);

/** Moves the clock to noon UTC, `offset` days from `day` (the fixed clock only moves forward). */
function moveTo(day: string, offset: number) {
  const target = Date.parse(`${day}T12:00:00Z`) + offset * DAY_MS;
  clock.advance(target - clock.now().getTime());
}

/** A store with one verified license expiring on `expirationDate`, submitted and decided through the API. */
async function verifiedLicense(expirationDate: string) {
  const store = await registerOwner(app);
  const document = await insertMedia(app, store.storeId, { withBytes: true });
  const license = await (await asStore(store)).licenses.create(licenseInput(document.id, { expirationDate }));
  await (await asAdmin()).admin.licenses.decide({ licenseId: license.id, decision: 'verified' });
  return { store, license, document };
}

const typesOf = async (licenseId: string) => (await eventsOf(app, licenseId)).map((event) => event.type);
const SUBMITTED_AND_VERIFIED = ['license_status_changed', 'license_status_changed'];

describe('license-lifecycle across the expiry boundaries', () => {
  it('warns once 14 days ahead, expires on the day, purges 30 days later', async () => {
    const expiration = addDays(clock.now().toISOString().slice(0, 10), 20);
    const { store, license, document } = await verifiedLicense(expiration);
    const objectKey = document.objectKey;
    expect(await app.deps.storage.statObject(objectKey)).not.toBeNull();

    moveTo(expiration, -15);
    expect(await run()).toMatchObject({ warned: 0, expired: 0, purged: 0, failed: 0 });
    expect(await typesOf(license.id)).toEqual(SUBMITTED_AND_VERIFIED);

    moveTo(expiration, -14);
    expect(await run()).toMatchObject({ warned: 1, expired: 0, purged: 0 });
    expect(await run()).toMatchObject({ warned: 0, expired: 0, purged: 0 });
    const warnings = (await eventsOf(app, license.id)).filter((event) => event.type === 'license_expiring_soon');
    expect(warnings).toEqual([
      {
        type: 'license_expiring_soon',
        data: {
          license_id: license.id,
          store_id: store.storeId,
          expiration_date: expiration,
          days_until_expiration: 14,
        },
      },
    ]);

    moveTo(expiration, -1);
    expect(await run()).toMatchObject({ warned: 0, expired: 0, purged: 0 });
    expect(await typesOf(license.id)).toEqual([...SUBMITTED_AND_VERIFIED, 'license_expiring_soon']);
    expect(await kycOf(app, store.storeId)).toBe('verified');

    moveTo(expiration, 0);
    expect(await run()).toMatchObject({ warned: 0, expired: 1, purged: 0 });
    const expiredAt = clock.now().toISOString();
    expect((await eventsOf(app, license.id)).slice(3)).toEqual([
      {
        type: 'license_expired',
        data: { license_id: license.id, store_id: store.storeId, expiration_date: expiration, expired_at: expiredAt },
      },
    ]);
    expect((await (await asStore(store)).licenses.list()).items[0]?.status).toBe('expired');
    expect(await kycOf(app, store.storeId)).toBe('expired');
    const [audit] = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, license.id), eq(auditLog.action, 'license.expired')));
    expect(audit).toMatchObject({
      actorUserId: null,
      details: { actor: 'scheduler', before: { status: 'verified' }, after: { status: 'expired' } },
    });

    moveTo(expiration, 29);
    expect(await run()).toMatchObject({ warned: 0, expired: 0, purged: 0 });
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.id, license.id))).toHaveLength(1);
    expect(await typesOf(license.id)).toHaveLength(4);

    moveTo(expiration, 30);
    expect(await run()).toMatchObject({ warned: 0, expired: 0, purged: 1 });
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.id, license.id))).toEqual([]);
    expect(await app.deps.db.select().from(media).where(eq(media.id, document.id))).toEqual([]);
    expect(await app.deps.db.select().from(mediaAttachments).where(eq(mediaAttachments.mediaId, document.id))).toEqual(
      [],
    );
    expect(await app.deps.storage.statObject(objectKey)).toBeNull();
    expect(await typesOf(license.id)).toHaveLength(4);
    expect(await kycOf(app, store.storeId)).toBe('pending_verification');

    await deliverNotifications(app);
    const inbox = (await (await asStore(store)).notifications.list({ limit: 100 })).items;
    expect(inbox.map((item) => [item.title, item.link]).sort()).toEqual([
      ['License approved', '/settings/compliance'],
      ['License expired', '/settings/compliance'],
      ['License expiring soon', '/settings/compliance'],
    ]);
  });

  it('still warns when the 14th day was missed (DOMAIN §12.D8), with the days actually left', async () => {
    const today = clock.now().toISOString().slice(0, 10);
    const { store, license } = await verifiedLicense(addDays(today, 20));
    moveTo(addDays(today, 20), -12);
    await run();
    expect((await eventsOf(app, license.id)).at(-1)).toMatchObject({
      type: 'license_expiring_soon',
      data: { store_id: store.storeId, days_until_expiration: 12 },
    });
  });

  it('keeps the store verified while another verified license remains', async () => {
    const today = clock.now().toISOString().slice(0, 10);
    const { store, license } = await verifiedLicense(addDays(today, 3));
    const document = await insertMedia(app, store.storeId);
    const lasting = await (await asStore(store)).licenses.create(
      licenseInput(document.id, { expirationDate: '2099-01-01' }),
    );
    await (await asAdmin()).admin.licenses.decide({ licenseId: lasting.id, decision: 'verified' });
    moveTo(addDays(today, 3), 0);
    await run();
    expect((await (await asStore(store)).licenses.list()).items.map((item) => item.status).sort()).toEqual([
      'expired',
      'verified',
    ]);
    expect(await kycOf(app, store.storeId)).toBe('verified');
    expect(await typesOf(license.id)).toContain('license_expired');
  });

  it('one license failing does not stop the others; the run reports the failure', async () => {
    const today = clock.now().toISOString().slice(0, 10);
    const stuck = await verifiedLicense(addDays(today, 2));
    const fine = await verifiedLicense(addDays(today, 2));
    moveTo(addDays(today, 2), 0);
    await run();
    // The stuck document is also the store's logo, so its media row cannot be deleted.
    await app.deps.db.update(stores).set({ logoMediaId: stuck.document.id }).where(eq(stores.id, stuck.store.storeId));
    moveTo(addDays(today, 2), 30);
    await expect(run()).rejects.toThrow(/1 license\(s\) failed/);
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.id, fine.license.id))).toEqual([]);
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.id, stuck.license.id))).toHaveLength(1);
    expect(await app.deps.storage.statObject(stuck.document.objectKey)).not.toBeNull();
  });
});
