import { randomUUID } from 'node:crypto';
import { createPostgresDb, eventDeliveries, outboxDlq, outboxEvents } from '@pf/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { registerEventingGauges } from '../src/events/gauges';
import { handleMetricsRequest } from '../src/http/metrics';
import { createLogger } from '../src/logger';
import { createMetrics } from '../src/metrics';
import { createRuntime } from '../src/runtime';
import { createTestApp, type TestApp } from '../src/testing';
import { fixedClock } from './cron-helpers';

const clock = fixedClock();
let app: TestApp;
beforeAll(async () => {
  // Fresh gauges on every scrape here; the reuse window has its own tests below.
  app = await createTestApp({ METRICS_CACHE_SECONDS: '0' }, { clock });
});
afterAll(() => app.close());

const secondsAgo = (seconds: number) => new Date(clock.now().getTime() - seconds * 1000);

/** `name{labels} value` lines of one scrape, as Prometheus would read them. */
async function scrape(registry = app.deps.metrics.registry) {
  const text = await registry.metrics();
  const value = (name: string, labels = '') => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };
  return { text, value };
}

const outboxRow = (values: Partial<typeof outboxEvents.$inferInsert>) => ({
  eventId: randomUUID(),
  eventType: 'member_joined',
  eventVersion: 1,
  aggregateType: 'store',
  aggregateId: randomUUID(),
  payload: {},
  ...values,
});

describe('eventing gauges (computed on scrape)', () => {
  it('report zero backlog, age and DLQ size on an empty database', async () => {
    const { value } = await scrape();
    expect(value('pf_outbox_backlog')).toBe(0);
    expect(value('pf_outbox_oldest_unpublished_age_seconds')).toBe(0);
    expect(value('pf_dlq_size', 'consumer="dispatcher"')).toBe(0);
    expect(value('pf_dlq_size', 'consumer="notifications"')).toBe(0);
    expect(value('pf_consumer_backlog', 'subscription="notifications"')).toBe(0);
  });

  it('count the unpublished, not dead-lettered outbox rows and the age of the oldest', async () => {
    await app.deps.db
      .insert(outboxEvents)
      .values([
        outboxRow({ createdAt: secondsAgo(120) }),
        outboxRow({ createdAt: secondsAgo(30) }),
        outboxRow({ createdAt: secondsAgo(5) }),
        outboxRow({ createdAt: secondsAgo(900), publishedAt: secondsAgo(899) }),
        outboxRow({ createdAt: secondsAgo(3600), deadLetteredAt: secondsAgo(3500), attemptCount: 10 }),
      ]);
    const { value } = await scrape();
    expect(value('pf_outbox_backlog')).toBe(3);
    expect(value('pf_outbox_oldest_unpublished_age_seconds')).toBe(120);

    clock.advance(60_000);
    expect((await scrape()).value('pf_outbox_oldest_unpublished_age_seconds')).toBe(180);
  });

  it('count un-replayed dead letters per consumer', async () => {
    const letter = (consumer: string | null, replayedAt: Date | null = null) => ({
      eventId: randomUUID(),
      eventType: 'member_joined',
      aggregateType: 'store',
      aggregateId: randomUUID(),
      consumer,
      payload: {},
      reason: 'max_attempts' as const,
      replayedAt,
    });
    await app.deps.db
      .insert(outboxDlq)
      .values([letter(null), letter(null), letter('notifications'), letter('notifications', secondsAgo(10))]);
    const { value } = await scrape();
    expect(value('pf_dlq_size', 'consumer="dispatcher"')).toBe(2);
    expect(value('pf_dlq_size', 'consumer="notifications"')).toBe(1);
  });

  it('report consumer lag: ready, unacked deliveries per subscription and the age of the oldest', async () => {
    const delivery = (values: Partial<typeof eventDeliveries.$inferInsert>) => ({
      subscription: 'notifications',
      eventId: randomUUID(),
      eventType: 'member_joined',
      orderingKey: randomUUID(),
      attributes: {},
      body: {},
      ...values,
    });
    await app.deps.db.insert(eventDeliveries).values([
      delivery({ createdAt: secondsAgo(45), visibleAt: secondsAgo(45) }),
      delivery({ createdAt: secondsAgo(10), visibleAt: secondsAgo(10) }),
      // Waiting out a retry backoff: not ready yet.
      delivery({ createdAt: secondsAgo(300), visibleAt: new Date(clock.now().getTime() + 60_000) }),
      delivery({ createdAt: secondsAgo(600), visibleAt: secondsAgo(600), ackedAt: secondsAgo(590) }),
      delivery({ subscription: 'analytics', createdAt: secondsAgo(7), visibleAt: secondsAgo(7) }),
    ]);
    const { value } = await scrape();
    expect(value('pf_consumer_backlog', 'subscription="notifications"')).toBe(2);
    expect(value('pf_consumer_oldest_unacked_age_seconds', 'subscription="notifications"')).toBe(45);
    expect(value('pf_consumer_backlog', 'subscription="analytics"')).toBe(1);
  });

  it('leave consumer lag out when the transport is not Postgres-backed (Pub/Sub reports its own backlog)', async () => {
    const metrics = createMetrics({ defaults: false });
    registerEventingGauges({ ...app.deps, metrics }, ['notifications'], { consumerLag: false });
    const { text, value } = await scrape(metrics.registry);
    expect(value('pf_outbox_backlog')).toBe(3);
    expect(text).not.toContain('pf_consumer_backlog');
  });

  it('never fail a scrape when the database is down: the gauges keep their last values', async () => {
    const dbHandle = createPostgresDb({ url: app.database.url, maxConnections: 2 });
    const runtime = await createRuntime(app.deps.config, {
      dbHandle,
      kv: app.deps.kv,
      clock,
      logger: createLogger('silent'),
    });
    const before = (await scrape(runtime.deps.metrics.registry)).value('pf_outbox_backlog');
    expect(before).toBe(3);
    await dbHandle.close();
    const after = await scrape(runtime.deps.metrics.registry);
    expect(after.value('pf_outbox_backlog')).toBe(3);
    expect(after.text).toContain('pf_dlq_size{consumer="dispatcher"} 2');
  });

  it('give up on a hung database after the timeout instead of hanging the scrape', async () => {
    const metrics = createMetrics({ defaults: false });
    // Every query builder call returns the same thenable, which never settles.
    const hung: object = new Proxy(() => hung, {
      get: (_target, property) => (property === 'then' ? () => undefined : () => hung),
      apply: () => hung,
    });
    const warnings: unknown[] = [];
    registerEventingGauges(
      { db: hung as never, clock, metrics, logger: { warn: (o: unknown) => warnings.push(o) } as never },
      ['notifications'],
      { timeoutMs: 50 },
    );
    const started = Date.now();
    const { value } = await scrape(metrics.registry);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(value('pf_outbox_backlog')).toBe(0);
    expect(warnings).toHaveLength(1);
  });
});

describe('eventing gauges reuse their values for the cache window', () => {
  it('query the database once per window, however often Prometheus scrapes', async () => {
    const metrics = createMetrics({ defaults: false });
    let queries = 0;
    const counting = new Proxy(app.deps.db, {
      get(target, property, receiver) {
        if (property === 'select') queries += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    registerEventingGauges({ ...app.deps, db: counting, metrics }, ['notifications'], { cacheMs: 5000 });
    const first = (await scrape(metrics.registry)).value('pf_outbox_backlog');
    const perScrape = queries;
    expect(perScrape).toBeGreaterThan(0);
    await app.deps.db.insert(outboxEvents).values(outboxRow({ createdAt: secondsAgo(1) }));
    clock.advance(4000);
    expect((await scrape(metrics.registry)).value('pf_outbox_backlog')).toBe(first);
    expect(queries).toBe(perScrape);
    clock.advance(1000);
    expect((await scrape(metrics.registry)).value('pf_outbox_backlog')).toBe((first ?? 0) + 1);
    expect(queries).toBe(2 * perScrape);
  });
});

describe('GET /api/metrics', () => {
  const TOKEN = 'metrics-token-0123456789abcdef0123456789';
  const get = (deps: typeof app.deps, authorization?: string) =>
    handleMetricsRequest(
      deps,
      new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }),
    );
  const withToken = (token: string | undefined) => ({
    ...app.deps,
    config: { ...app.deps.config, METRICS_TOKEN: token },
  });

  it('does not exist without a configured token, in any APP_ENV', async () => {
    for (const APP_ENV of ['development', 'test', 'production'] as const) {
      const deps = { ...app.deps, config: { ...app.deps.config, APP_ENV, METRICS_TOKEN: undefined } };
      const response = await get(deps, `Bearer ${TOKEN}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('pf_');
    }
  });

  it('refuses a missing, malformed or wrong token with 401 and no metrics', async () => {
    for (const authorization of [
      undefined,
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      'Bearer ',
      `Bearer ${TOKEN.slice(1)}`,
    ]) {
      const response = await get(withToken(TOKEN), authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain('pf_');
    }
  });

  it('serves the Prometheus text to the holder of the token', async () => {
    const response = await get(withToken(TOKEN), `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('pf_outbox_backlog');
  });

  it('refuses a token shorter than 32 characters at start-up', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
