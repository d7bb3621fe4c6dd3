import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressBucket } from '../src/auth/address-bucket';
import { createClientSlots } from '../src/auth/client-slots';
import { createTestApp, registerOwner, STRONG_PASSWORD, type TestApp, uniqueEmail } from '../src/testing';
import { freshIp } from './helpers';

/** A spoofed X-Forwarded-For entry, new for every attempt (as in the reported bypass). */
let spoofCounter = 0;
const spoofed = () => `192.0.2.${++spoofCounter % 250}, 198.18.${spoofCounter % 250}.1`;

/** One sign-in attempt from the socket `ip` with extra X-Forwarded-For entries; its outcome's code. */
async function attempt(app: TestApp, ip: string, forwardedFor: string, email = uniqueEmail('spray')) {
  try {
    await app.call({ ip, headers: { 'x-forwarded-for': forwardedFor } }).caller.auth.login({
      email,
      password: 'Wrong-password-1',
    });
    return 'OK';
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code ?? String(error);
  }
}

async function tally(run: () => Promise<string>, times: number) {
  const codes: Record<string, number> = {};
  for (let i = 0; i < times; i++) {
    const code = await run();
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}

describe('TRUSTED_PROXY_HOPS=0 (default): the client is the socket', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('a new spoofed X-Forwarded-For per attempt still meets the per-IP limit of 20', async () => {
    expect(app.deps.config.TRUSTED_PROXY_HOPS).toBe(0);
    const socket = freshIp();
    expect(await tally(() => attempt(app, socket, spoofed()), 22)).toEqual({
      UNAUTHORIZED: 20,
      RATE_LIMIT_EXCEEDED: 2,
    });
  });

  it('two sockets claiming the same X-Forwarded-For are two clients', async () => {
    const claim = '203.0.113.77';
    expect(await tally(() => attempt(app, freshIp(), claim), 21)).toEqual({ UNAUTHORIZED: 21 });
  });
});

describe('TRUSTED_PROXY_HOPS=1: the client is the address our proxy appended', () => {
  let app: TestApp;
  const proxy = '10.250.0.1';
  beforeAll(async () => {
    app = await createTestApp({ TRUSTED_PROXY_HOPS: '1' });
  });
  afterAll(() => app.close());

  it('counts each client behind the proxy on its own, whatever it claimed to the left of the proxy entry', async () => {
    const client = '203.0.113.50';
    const viaProxy = () => attempt(app, proxy, `${spoofed()}, ${client}`);
    expect(await tally(viaProxy, 22)).toEqual({ UNAUTHORIZED: 20, RATE_LIMIT_EXCEEDED: 2 });
    // Another client behind the same proxy is not affected, and signs in.
    const owner = await registerOwner(app);
    const other = app.call({ ip: proxy, headers: { 'x-forwarded-for': '203.0.113.51' } });
    await other.caller.auth.login({ email: owner.input.email, password: STRONG_PASSWORD });
  });

  it('a client that writes the proxy-appended entry itself is still counted by what the proxy appended', async () => {
    const client = '203.0.113.60';
    // The client pretends to be 203.0.113.61 by adding it last; the proxy appends the real address after it.
    const pretend = () => attempt(app, proxy, `203.0.113.61, ${client}`);
    expect(await tally(pretend, 21)).toEqual({ UNAUTHORIZED: 20, RATE_LIMIT_EXCEEDED: 1 });
    expect(await attempt(app, proxy, '203.0.113.61')).toBe('UNAUTHORIZED');
  });
});

describe('each client’s share of the password hash queue (HASH_IN_FLIGHT_PER_IP)', () => {
  it('refuses work beyond a client’s share with RATE_LIMIT_EXCEEDED (429) while other clients go on', async () => {
    const slots = createClientSlots(2);
    const gates: (() => void)[] = [];
    const held = () => new Promise<void>((resolve) => gates.push(resolve));
    const first = slots.run('flooder', held);
    const second = slots.run('flooder', held);
    await expect(slots.run('flooder', held)).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    const neighbour = slots.run('neighbour', held);
    expect(slots.stats.refused).toBe(1);
    for (const open of gates) open();
    await Promise.all([first, second, neighbour]);
    // Finished work frees the share, and nothing is kept for clients that are done.
    expect(slots.clients).toBe(0);
    await slots.run('flooder', async () => 'ok');
  });

  it('a failing piece of work frees its slot too', async () => {
    const slots = createClientSlots(1);
    await expect(slots.run('client', () => Promise.reject(new Error('argon2 failed')))).rejects.toThrow(
      'argon2 failed',
    );
    await expect(
      slots.run('client', () => {
        throw new Error('thrown before any promise');
      }),
    ).rejects.toThrow('thrown before any promise');
    expect(await slots.run('client', async () => 'free again')).toBe('free again');
  });

  it('a burst of unknown-email sign-ins from one address is cut to its share; a sign-in from elsewhere succeeds', async () => {
    const app = await createTestApp({
      HASH_CONCURRENCY: '1',
      HASH_IN_FLIGHT_PER_IP: '1',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_TIME_COST: '2',
    });
    try {
      const owner = await registerOwner(app);
      const before = app.deps.hasher.stats.verifies;
      const flooder = freshIp();
      const burst = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          app.call({ ip: flooder }).caller.auth.login({ email: uniqueEmail('nobody'), password: 'Wrong-password-1' }),
        ),
      );
      const codes = burst.map((outcome) =>
        outcome.status === 'rejected' ? (outcome.reason as { cause?: { code?: string } }).cause?.code : 'OK',
      );
      expect(codes.filter((code) => code === 'RATE_LIMIT_EXCEEDED').length).toBe(
        app.deps.hasher.stats.refusedPerClient,
      );
      expect(codes.filter((code) => code === 'UNAUTHORIZED').length).toBe(app.deps.hasher.stats.verifies - before);
      expect(app.deps.hasher.stats.refusedPerClient).toBeGreaterThan(0);
      expect(app.deps.hasher.stats.refused).toBe(0);
      const elsewhere = app.call({ ip: freshIp() });
      await elsewhere.caller.auth.login({ email: owner.input.email, password: STRONG_PASSWORD });
    } finally {
      await app.close();
    }
  });
});

describe('addressBucket (what per-IP limits count)', () => {
  it('keeps IPv4 addresses and reduces IPv6 ones to their /64', () => {
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0DB8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('unknown')).toBe('unknown');
  });
});
