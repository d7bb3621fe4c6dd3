import type { AddressInfo } from 'node:net';
import { clientAddress } from '@pf/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { appendSocketAddress, createWebServer } from '../server/web-server.mjs';

/**
 * The real server that `pnpm --filter @pf/web start` runs, in front of a stand-in for Next.js that answers the
 * address the app would count a request under (the API's clientIp is clientAddress over this same header).
 */
let base: string;
let hops = 0;
const server = createWebServer(async (req, res) => {
  res.end(clientAddress(req.headers['x-forwarded-for'] as string, hops));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const countedAs = async (headers: Record<string, string> = {}) => (await fetch(base, { headers })).text();

describe('the web server start runs', () => {
  it('is this server, not `next start` (which keeps a client-sent X-Forwarded-For as it is)', () => {
    expect(packageJson.scripts.start).toBe('node server/main.mjs');
  });
});

describe('with TRUSTED_PROXY_HOPS=0, a client reaching the server directly', () => {
  it('is counted by its socket address, whatever X-Forwarded-For it sends', async () => {
    hops = 0;
    expect(await countedAs()).toBe('127.0.0.1');
    expect(await countedAs({ 'x-forwarded-for': '6.6.6.6' })).toBe('127.0.0.1');
    expect(await countedAs({ 'x-forwarded-for': '6.6.6.6, 7.7.7.7' })).toBe('127.0.0.1');
  });
});

describe('with TRUSTED_PROXY_HOPS=1 (our proxy at 127.0.0.1 appends the client it saw)', () => {
  it('is counted by the entry the proxy appended, not by the addresses the client claimed before it', async () => {
    hops = 1;
    expect(await countedAs({ 'x-forwarded-for': '203.0.113.9' })).toBe('203.0.113.9');
    expect(await countedAs({ 'x-forwarded-for': '6.6.6.6, 7.7.7.7, 203.0.113.9' })).toBe('203.0.113.9');
  });
});

describe('appendSocketAddress', () => {
  it('keeps what arrived, in order, and always ends with the socket', () => {
    expect(appendSocketAddress(undefined, '10.0.0.1')).toBe('10.0.0.1');
    expect(appendSocketAddress(' 1.1.1.1 ,2.2.2.2', '10.0.0.1')).toBe('1.1.1.1, 2.2.2.2, 10.0.0.1');
    expect(appendSocketAddress(['1.1.1.1', '2.2.2.2'], '10.0.0.1')).toBe('1.1.1.1, 2.2.2.2, 10.0.0.1');
    expect(appendSocketAddress('1.1.1.1', undefined)).toBe('1.1.1.1, unknown');
  });
});
