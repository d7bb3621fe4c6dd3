import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { TRPC_CLIENT_BATCH_ITEMS } from '@pf/domain';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import type { AppDeps } from '../src/deps';
import { TRPC_ENDPOINT, trpcHttpOptions } from '../src/http/trpc';
import { createTestApp, registerInputFor, type TestApp, uniqueEmail } from '../src/testing';
import { createContextFactory } from '../src/trpc/context';
import { RELAXED_LIMITS, rowCounts } from './helpers';

/** Protocol probes: how many procedure calls one HTTP request may batch (issue 10, item 9). */

let app: TestApp;
let server: Server;
let baseUrl: string;
/** The deps the server answers with; a test may swap in another configuration. */
let served: AppDeps;

/** The web route's handler (apps/web/src/app/api/trpc), behind a plain node http server. */
async function handle(req: IncomingMessage): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const request = new Request(new URL(req.url ?? '/', baseUrl), {
    method: req.method,
    headers,
    ...(req.method === 'POST' && { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }),
  } as RequestInit);
  return fetchRequestHandler({
    ...trpcHttpOptions(served),
    req: request,
    router: app.router,
    createContext: ({ resHeaders }) => createContextFactory(served)({ headers: request.headers, resHeaders }),
  });
}

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  served = app.deps;
  server = createServer((req, res) => {
    handle(req)
      .then((response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body) Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>).pipe(res);
        else res.end();
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
});

/** A batched query of `count` calls to system.ping, as httpBatchLink sends it (GET, paths joined by commas). */
function batchedPings(count: number) {
  const paths = Array.from({ length: count }, () => 'system.ping').join(',');
  const input = Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i), {}]));
  return fetch(`${baseUrl}${TRPC_ENDPOINT}/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
}

type ErrorBody = { error: { data: { code: string; httpStatus: number } } };

describe('batch size', () => {
  it(`serves a batch of ${TRPC_CLIENT_BATCH_ITEMS} calls, the most the web client sends`, async () => {
    const response = await batchedPings(TRPC_CLIENT_BATCH_ITEMS);
    expect(response.status).toBe(200);
    const results = (await response.json()) as unknown[];
    expect(results).toHaveLength(TRPC_CLIENT_BATCH_ITEMS);
    for (const result of results) expect(result).toHaveProperty('result');
  });

  it.each([TRPC_CLIENT_BATCH_ITEMS + 1, 200])('refuses a batch of %i calls with 413 BATCH_TOO_LARGE', async (count) => {
    const response = await batchedPings(count);
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'BATCH_TOO_LARGE', httpStatus: 413 });
  });

  it('runs none of the calls of a refused batch', async () => {
    const before = await rowCounts(app);
    const count = TRPC_CLIENT_BATCH_ITEMS + 1;
    const inputs = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [String(i), registerInputFor({ email: uniqueEmail(`batch-${i}`) })]),
    );
    const paths = Array.from({ length: count }, () => 'auth.register').join(',');
    const response = await fetch(`${baseUrl}${TRPC_ENDPOINT}/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(inputs),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.data.code).toBe('BATCH_TOO_LARGE');
    expect(await rowCounts(app)).toEqual(before);
  });

  it('follows TRPC_MAX_BATCH_SIZE, which may not go below what the web client sends', async () => {
    served = { ...app.deps, config: { ...app.deps.config, TRPC_MAX_BATCH_SIZE: 25 } };
    try {
      expect((await batchedPings(25)).status).toBe(200);
      expect((await batchedPings(26)).status).toBe(413);
    } finally {
      served = app.deps;
    }
    expect(loadConfig({}).TRPC_MAX_BATCH_SIZE).toBe(TRPC_CLIENT_BATCH_ITEMS);
    expect(() => loadConfig({ TRPC_MAX_BATCH_SIZE: String(TRPC_CLIENT_BATCH_ITEMS - 1) })).toThrow(
      /TRPC_MAX_BATCH_SIZE/,
    );
  });
});
