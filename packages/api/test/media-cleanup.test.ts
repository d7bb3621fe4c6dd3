import { media, mediaAttachments } from '@pf/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CRON_JOBS } from '../src/cron';
import { pendingMediaCleanupJob } from '../src/cron/jobs/pending-media';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { daysAgo, fixedClock } from './cron-helpers';
import { RELAXED_LIMITS } from './helpers';
import { insertMediaRow, pngBytes, storeObject } from './media-helpers';

const clock = fixedClock();
const HOUR = 3_600_000;
let app: TestApp;
let storeId: string;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  storeId = (await registerOwner(app)).storeId;
});
afterAll(() => app.close());

const signal = () => new AbortController().signal;
const remaining = async (ids: string[]) =>
  (await app.deps.db.select({ id: media.id }).from(media).where(inArray(media.id, ids))).map((row) => row.id).sort();
const attach = (file: { id: string; objectKey: string }, entityType: 'product_gallery' | 'license') =>
  app.deps.db.insert(mediaAttachments).values({
    mediaId: file.id,
    entityType,
    entityId: storeId,
    storeId,
    objectKey: file.objectKey,
  });

describe('pending-media-cleanup', () => {
  it('is scheduled daily with the other jobs', () => {
    expect(ALL_CRON_JOBS).toContain(pendingMediaCleanupJob);
    expect(pendingMediaCleanupJob.schedule(app.deps.config)).toBe('40 3 * * *');
  });

  it('removes pending media older than 7 days with its attachments and stray object, and keeps the rest', async () => {
    const pending = (createdAt: Date) => insertMediaRow(app, storeId, { status: 'pending', createdAt });
    const almost = await pending(daysAgo(clock, 6, 23 * HOUR));
    const stale = await pending(daysAgo(clock, 7, 60_000));
    const staleWithBytes = await pending(daysAgo(clock, 8));
    await storeObject(app, staleWithBytes.objectKey, 'image/png', pngBytes(8));
    const staleAttached = await pending(daysAgo(clock, 9));
    await attach(staleAttached, 'product_gallery');
    const oldUploaded = await insertMediaRow(app, storeId, { status: 'uploaded', createdAt: daysAgo(clock, 30) });

    const summary = await pendingMediaCleanupJob.run(app.deps, signal());
    expect(summary).toMatchObject({ deleted: 3, keptProtected: 0, complete: true });
    expect(await remaining([almost.id, stale.id, staleWithBytes.id, staleAttached.id, oldUploaded.id])).toEqual(
      [almost.id, oldUploaded.id].sort(),
    );
    expect(await app.deps.storage.statObject(staleWithBytes.objectKey)).toBeNull();
    expect(
      await app.deps.db.select().from(mediaAttachments).where(eq(mediaAttachments.mediaId, staleAttached.id)),
    ).toEqual([]);

    // An hour later the 6d23h row crosses the line.
    clock.advance(HOUR + 1000);
    expect(await pendingMediaCleanupJob.run(app.deps, signal())).toMatchObject({ deleted: 1 });
    expect(await remaining([almost.id])).toEqual([]);
  });

  it('keeps stale pending media a license uses, counting it for an operator', async () => {
    const protectedFile = await insertMediaRow(app, storeId, { status: 'pending', createdAt: daysAgo(clock, 10) });
    await attach(protectedFile, 'license');
    expect(await pendingMediaCleanupJob.run(app.deps, signal())).toMatchObject({ deleted: 0, keptProtected: 1 });
    expect(await remaining([protectedFile.id])).toEqual([protectedFile.id]);
  });

  it('stops at once on shutdown and reports the run incomplete', async () => {
    const file = await insertMediaRow(app, storeId, { status: 'pending', createdAt: daysAgo(clock, 12) });
    const controller = new AbortController();
    controller.abort();
    expect(await pendingMediaCleanupJob.run(app.deps, controller.signal)).toMatchObject({
      deleted: 0,
      complete: false,
    });
    expect(await remaining([file.id])).toEqual([file.id]);
  });
});
