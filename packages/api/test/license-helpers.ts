import { auditLog, licenses, media, mediaAttachments, outboxEvents, stores } from '@pf/db';
import type { CreateLicenseInput, LicenseStatus } from '@pf/domain';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { notificationsConsumer } from '../src/consumers/notifications';
import { createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { createAdmin, STRONG_PASSWORD, type TestApp, tokensFrom, uniqueEmail } from '../src/testing';
import { freshIp } from './helpers';
import { insertMediaRow, storeObject } from './media-helpers';

/**
 * A license document as the upload flow leaves it (uploads are the media service's business, so tests write
 * the row directly). `withBytes` also stores an object under its key, so read URLs and purges have one to act on.
 */
export async function insertMedia(
  app: TestApp,
  storeId: string,
  options: { status?: 'pending' | 'uploaded' | 'ready'; mimeType?: string; withBytes?: boolean } = {},
) {
  const mimeType = options.mimeType ?? 'application/pdf';
  const row = await insertMediaRow(app, storeId, { kind: 'license_doc', status: options.status, mimeType });
  if (options.withBytes) await storeObject(app, row.objectKey, mimeType, Buffer.from(`%PDF-1.4 license ${row.id}`));
  return row;
}

let numberCounter = 0;
export const licenseNumber = () => `LIC-${Date.now().toString(36)}-${++numberCounter}`.toUpperCase();

export const licenseInput = (mediaId: string, overrides: Partial<CreateLicenseInput> = {}): CreateLicenseInput => ({
  mediaId,
  issuingState: 'OK',
  type: 'grower',
  number: licenseNumber(),
  issueDate: '2024-01-01',
  expirationDate: '2099-12-31',
  ...overrides,
});

/** A license row in any status, written directly (for access tests and cron fixtures). */
export async function insertLicense(
  app: TestApp,
  store: { storeId: string; userId: string },
  status: LicenseStatus,
  expirationDate: string | null = '2099-12-31',
) {
  const document = await insertMedia(app, store.storeId, { withBytes: true });
  const [row] = await app.deps.db
    .insert(licenses)
    .values({
      storeId: store.storeId,
      userId: store.userId,
      status,
      mediaId: document.id,
      objectKey: document.objectKey,
      issuingState: 'OK',
      type: 'grower',
      number: licenseNumber(),
      expirationDate,
    })
    .returning({ id: licenses.id });
  if (!row) throw new Error('license insert failed');
  await app.deps.db.insert(mediaAttachments).values({
    mediaId: document.id,
    entityType: 'license',
    entityId: row.id,
    storeId: store.storeId,
    objectKey: document.objectKey,
  });
  return { id: row.id, mediaId: document.id, objectKey: document.objectKey };
}

/** A signed-in system admin. */
export async function signUpAdmin(app: TestApp) {
  const { token, userId, email } = await createAdmin(app, {
    email: uniqueEmail('license-admin'),
    firstName: 'Cora',
    lastName: 'Compliance',
    ip: freshIp(),
  });
  return { token, userId, email };
}

/** A fresh admin session (tests that move the clock outlive access tokens). */
export async function adminSession(app: TestApp, email: string) {
  const { caller, resHeaders } = app.call({ ip: freshIp() });
  await caller.admin.auth.login({ email, password: STRONG_PASSWORD });
  return tokensFrom(resHeaders).accessToken ?? '';
}

/** The events written for one license, oldest first, as `{type, data}`. */
export async function eventsOf(app: TestApp, licenseId: string) {
  const rows = await app.deps.db
    .select({ type: outboxEvents.eventType, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.aggregateType, 'license'), eq(outboxEvents.aggregateId, licenseId)))
    .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id));
  return rows.map((row) => ({ type: row.type, data: (row.payload as { data: Record<string, unknown> }).data }));
}

export const kycOf = async (app: TestApp, storeId: string) =>
  (await app.deps.db.select({ kyc: stores.kycStatus }).from(stores).where(eq(stores.id, storeId)))[0]?.kyc;

/** Everything a refused license request could have written. */
export async function licenseFootprint(app: TestApp) {
  const count = async (table: typeof licenses | typeof mediaAttachments | typeof auditLog | typeof media) =>
    (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const [events] = await app.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxEvents)
    .where(like(outboxEvents.eventType, 'license%'));
  const licenseRows = await app.deps.db.select().from(licenses).orderBy(asc(licenses.id));
  return {
    licenses: licenseRows,
    attachments: await count(mediaAttachments),
    media: await count(media),
    audit: await count(auditLog),
    events: events?.n ?? 0,
  };
}

/** One pass of the worker: publish the outbox, then let the notifications consumer handle it. */
export async function deliverNotifications(app: TestApp) {
  await dispatchOutboxBatch(app.deps);
  await app.deps.transport.receive('notifications', 100, createDeliveryProcessor(app.deps, notificationsConsumer));
}
