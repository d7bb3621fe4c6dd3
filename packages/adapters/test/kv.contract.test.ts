import { randomBytes } from 'node:crypto';
import type { KeyValueStore } from '@pf/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore, createRedisKeyValueStore } from '../src';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const implementations: [string, () => KeyValueStore][] = [
  ['memory', () => createMemoryKeyValueStore()],
  ['redis', () => createRedisKeyValueStore(redisUrl, `pf-test:${randomBytes(4).toString('hex')}:`)],
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(implementations)('KeyValueStore contract: %s', (_name, create) => {
  const kv = create();
  afterAll(() => kv.close());

  it('stores, reads and deletes values', async () => {
    expect(await kv.get('a')).toBeNull();
    expect(await kv.set('a', 'one')).toBe(true);
    expect(await kv.get('a')).toBe('one');
    expect(await kv.delete('a', 'missing')).toBe(1);
    expect(await kv.get('a')).toBeNull();
  });

  it('onlyIfAbsent refuses to overwrite and only one of many concurrent writers wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => kv.set('lock', String(i), { onlyIfAbsent: true })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('deleteIfValue removes the key only while it holds the expected value', async () => {
    await kv.set('owned', 'owner-a', { ttlMs: 10_000 });
    expect(await kv.deleteIfValue('owned', 'owner-b')).toBe(false);
    expect(await kv.get('owned')).toBe('owner-a');
    expect(await kv.deleteIfValue('owned', 'owner-a')).toBe(true);
    expect(await kv.get('owned')).toBeNull();
    expect(await kv.deleteIfValue('owned', 'owner-a')).toBe(false);
  });

  it('deleteIfValue does not release a lock that expired and was taken by another owner', async () => {
    await kv.set('lease', 'first', { ttlMs: 30, onlyIfAbsent: true });
    await sleep(60);
    expect(await kv.set('lease', 'second', { ttlMs: 10_000, onlyIfAbsent: true })).toBe(true);
    expect(await kv.deleteIfValue('lease', 'first')).toBe(false);
    expect(await kv.get('lease')).toBe('second');
  });

  it('expires values after their ttl', async () => {
    await kv.set('short', 'x', { ttlMs: 40 });
    expect(await kv.get('short')).toBe('x');
    await sleep(80);
    expect(await kv.get('short')).toBeNull();
  });

  it('counts hits in a fixed window that does not slide on later hits', async () => {
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push(await kv.incrementInWindow('window', 120));
    expect(counts).toEqual([1, 2, 3]);
    await sleep(60);
    expect(await kv.incrementInWindow('window', 120)).toBe(4);
    await sleep(90);
    expect(await kv.incrementInWindow('window', 120)).toBe(1);
  });
});
