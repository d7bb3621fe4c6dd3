import type { PubSubClient, PulledPubSubMessage } from '@pf/adapters';
import { outboxEvents } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { gcsFinalizeBridgeLoop } from '../src/loops/gcs-finalize-bridge';
import { decideGcsNotification, relayGcsNotifications } from '../src/services/media/gcs-finalize-bridge';
import { createTestApp, type TestApp } from '../src/testing';

const BUCKET = 'pf-media';
const finalizeMessage = (key: string, overrides: Record<string, string> = {}, data?: object | null) => ({
  attributes: {
    eventType: 'OBJECT_FINALIZE',
    bucketId: BUCKET,
    objectId: key,
    payloadFormat: 'JSON_API_V1',
    ...overrides,
  },
  data:
    data === null ? null : Buffer.from(JSON.stringify(data ?? { name: key, size: '1234', contentType: 'image/png' })),
});

describe('bucket notification → media_object_finalized', () => {
  it('maps OBJECT_FINALIZE of our bucket to the event payload (size arrives as an int64 string)', () => {
    expect(decideGcsNotification(finalizeMessage('s/product/m.png'), BUCKET)).toEqual({
      kind: 'finalize',
      data: { object_key: 's/product/m.png', size_bytes: 1234, content_type: 'image/png' },
    });
  });

  it.each([
    ['a delete', finalizeMessage('k', { eventType: 'OBJECT_DELETE' })],
    ['a metadata update', finalizeMessage('k', { eventType: 'OBJECT_METADATA_UPDATE' })],
    ['another bucket', finalizeMessage('k', { bucketId: 'someone-else' })],
    ['a payload without metadata (format NONE)', finalizeMessage('k', { payloadFormat: 'NONE' }, null)],
    ['no object id', finalizeMessage('', {})],
  ])('ignores %s', (_name, message) => {
    expect(decideGcsNotification(message, BUCKET).kind).toBe('ignore');
  });
});

describe('the relay', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  function fakeSubscription(messages: PulledPubSubMessage[]) {
    const calls = { acked: [] as string[], retried: [] as string[] };
    const client: PubSubClient = {
      publish: () => Promise.reject(new Error('not used')),
      resumePublishing: () => undefined,
      pull: async (_name, max) => messages.splice(0, max),
      acknowledge: async (_name, ids) => void calls.acked.push(...ids),
      modifyAckDeadline: async (_name, ids) => void calls.retried.push(...ids),
      close: async () => undefined,
    };
    return { client, calls };
  }

  it('writes one outbox row per finalize and acknowledges every message only after its row committed', async () => {
    const { client, calls } = fakeSubscription([
      { ackId: 'a1', ...finalizeMessage('s/product/one.png') },
      { ackId: 'a2', ...finalizeMessage('s/product/two.png', { eventType: 'OBJECT_DELETE' }) },
    ]);
    const pulled = await relayGcsNotifications(app.deps, client, {
      subscription: 'sub',
      bucket: BUCKET,
      maxMessages: 10,
    });
    expect(pulled).toBe(2);
    expect(calls).toEqual({ acked: ['a1', 'a2'], retried: [] });
    const rows = await app.deps.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.eventType, 'media_object_finalized'));
    expect(rows.map((row) => (row.payload as { data: unknown }).data)).toEqual([
      { object_key: 's/product/one.png', size_bytes: 1234, content_type: 'image/png' },
    ]);
  });

  it('asks for redelivery when the event cannot be written', async () => {
    const { client, calls } = fakeSubscription([{ ackId: 'b1', ...finalizeMessage('s/product/three.png') }]);
    const broken = { ...app.deps, db: { transaction: () => Promise.reject(new Error('db down')) } } as never;
    await relayGcsNotifications(broken, client, { subscription: 'sub', bucket: BUCKET, maxMessages: 10 });
    expect(calls).toEqual({ acked: [], retried: ['b1'] });
  });

  it('stays idle with local storage', async () => {
    expect(await gcsFinalizeBridgeLoop.runOnce(app.deps, new AbortController().signal)).toBe(false);
  });
});

describe('storage settings', () => {
  const base = { DATABASE_URL: 'postgres://x@127.0.0.1/db' };
  it('requires the bucket, subscription and project with STORAGE_DRIVER=gcs', () => {
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 'gcs' })).toThrow(
      /GCS_BUCKET.*\n.*GCS_NOTIFICATION_SUBSCRIPTION/s,
    );
    expect(
      loadConfig({
        ...base,
        STORAGE_DRIVER: 'gcs',
        GCS_BUCKET: 'b-1',
        GCS_NOTIFICATION_SUBSCRIPTION: 's',
        PUBSUB_PROJECT_ID: 'p',
      }).STORAGE_DRIVER,
    ).toBe('gcs');
  });

  it('defaults the URL lifetimes and refuses more than 7 days', () => {
    expect(loadConfig(base)).toMatchObject({
      STORAGE_DRIVER: 'local',
      UPLOAD_URL_TTL_SECONDS: 1800,
      DOWNLOAD_URL_TTL_SECONDS: 900,
      PUBLIC_DOWNLOAD_URL_TTL_SECONDS: 86_400,
    });
    expect(() => loadConfig({ ...base, DOWNLOAD_URL_TTL_SECONDS: '604801' })).toThrow(/DOWNLOAD_URL_TTL_SECONDS/);
  });

  it('requires a storage signing secret in production with local storage', () => {
    const production = { ...base, APP_ENV: 'production', REDIS_URL: 'redis://r', AUTH_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/STORAGE_SIGNING_SECRET: is required in production/);
    expect(loadConfig({ ...production, STORAGE_SIGNING_SECRET: 'y'.repeat(32) }).APP_ENV).toBe('production');
  });
});
