import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TRPC_BODY_BYTES } from '../src/http/trpc';
import { createTestApp, registerInputFor, registerOwner, type TestApp, uniqueEmail } from '../src/testing';
import { RELAXED_LIMITS, rowCounts } from './helpers';
import { type ErrorBody, serveTrpc } from './trpc-http';

/**
 * Requests a client can send the endpoint that are not the JSON tRPC calls the web client makes. Each must be
 * a 4xx with a stable `data.code` and the request id (header and body), never a 5xx, and must change nothing.
 */
let app: TestApp;
let server: Awaited<ReturnType<typeof serveTrpc>>;
let owner: Awaited<ReturnType<typeof registerOwner>>;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  server = await serveTrpc(app.deps, app.router);
  owner = await registerOwner(app);
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

const registerBody = () => JSON.stringify(registerInputFor({ email: uniqueEmail('probe') }));
const loginBody = () => JSON.stringify({ email: uniqueEmail('probe'), password: 'Correct-horse-42' });

interface Probe {
  name: string;
  path: string;
  init: () => RequestInit;
  status: number;
  code: string;
}

const post = (contentType: string | null, body: () => string) => () => ({
  method: 'POST',
  headers: {
    'idempotency-key': randomUUID(),
    ...(contentType === null ? {} : { 'content-type': contentType }),
  },
  body: body(),
});

const probes: Probe[] = [
  {
    name: 'POST without a Content-Type',
    path: 'auth.register',
    init: post(null, registerBody),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as text/plain',
    path: 'auth.register',
    init: post('text/plain', registerBody),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as text/plain to a procedure without input',
    path: 'auth.logout',
    init: post('text/plain;charset=UTF-8', () => '{}'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as a form (urlencoded)',
    path: 'auth.login',
    init: post('application/x-www-form-urlencoded', () => 'email=a%40b.c&password=x'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as multipart/form-data',
    path: 'auth.login',
    init: post(
      'multipart/form-data; boundary=x',
      () => '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--\r\n',
    ),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as application/octet-stream',
    path: 'auth.login',
    init: post('application/octet-stream', loginBody),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as application/jsonx',
    path: 'auth.login',
    init: post('application/jsonx', loginBody),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'malformed JSON',
    path: 'auth.register',
    init: post('application/json', () => '{"email": "a@example.com", "password": '),
    status: 400,
    code: 'VALIDATION_ERROR',
  },
  {
    name: 'malformed JSON to a procedure without input',
    path: 'auth.logout',
    init: post('application/json', () => '{not json'),
    status: 400,
    code: 'VALIDATION_ERROR',
  },
  {
    name: 'JSON null as the input',
    path: 'auth.login',
    init: post('application/json', () => 'null'),
    status: 400,
    code: 'VALIDATION_ERROR',
  },
  {
    name: 'an empty body where input is required',
    path: 'auth.login',
    init: post('application/json', () => ''),
    status: 400,
    code: 'VALIDATION_ERROR',
  },
  {
    name: 'a body over the size cap',
    path: 'auth.login',
    init: post('application/json', () => JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(MAX_TRPC_BODY_BYTES) })),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a streamed body over the size cap, with no Content-Length',
    path: 'auth.login',
    init: () => {
      const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}",`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          if (sent > 2 * MAX_TRPC_BODY_BYTES) controller.close();
          else controller.enqueue(chunk);
        },
      });
      return { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit;
    },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'GET on a mutation',
    path: `auth.login?input=${encodeURIComponent(loginBody())}`,
    init: () => ({ method: 'GET' }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  {
    name: 'POST on a query',
    path: 'system.ping',
    init: post('application/json', () => '{}'),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  ...['PUT', 'DELETE', 'PATCH'].map((method) => ({
    name: `${method} on a mutation`,
    path: 'auth.login',
    init: () => ({ method, headers: { 'content-type': 'application/json' }, body: loginBody() }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  })),
  {
    name: 'DELETE on a query',
    path: 'system.ping',
    init: () => ({ method: 'DELETE' }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  {
    name: 'an unknown procedure',
    path: 'auth.doesNotExist',
    init: post('application/json', () => '{}'),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'GET with malformed JSON in ?input',
    path: 'vendorProducts.list?input=%7Bnot',
    init: () => ({ method: 'GET', headers: { authorization: `Bearer ${owner.token}` } }),
    status: 400,
    code: 'VALIDATION_ERROR',
  },
];

describe('protocol probes over real HTTP', () => {
  it.each(probes.map((probe) => [probe.name, probe] as const))('%s', async (_name, probe) => {
    const before = await rowCounts(app);
    const response = await fetch(server.url(probe.path), probe.init());
    const text = await response.text();
    expect(response.status, text).toBe(probe.status);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.data.code).toBe(probe.code);
    expect(body.error.data.httpStatus).toBe(probe.status);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(body.error.data.requestId).toBe(requestId);
    expect(body.error.message).toBeTruthy();
    expect(text).not.toMatch(/stack|node_modules|\.ts:\d+|at [A-Za-z]+ \(/);
    // A 405 names what the path takes: a mutation POST, a query GET, the endpoint as a whole both.
    if (probe.status === 405) expect(response.headers.get('allow')).toMatch(/^(GET|POST|GET, POST)$/);
    expect(await rowCounts(app)).toEqual(before);
  });

  it('still takes JSON with a charset and any letter case, the way browsers and SDKs send it', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'Application/JSON']) {
      const response = await fetch(server.url('auth.login'), post(contentType, loginBody)());
      const body = (await response.json()) as ErrorBody;
      // An unknown account: the request got through to the procedure.
      expect(response.status).toBe(401);
      expect(body.error.data.code).toBe('UNAUTHORIZED');
    }
    const ping = await fetch(server.url('system.ping'));
    expect(ping.status).toBe(200);
    expect(ping.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps a well-formed X-Request-Id from the caller and replaces a junk one', async () => {
    const given = `probe-${randomUUID()}`;
    const kept = await fetch(server.url('auth.register'), { method: 'POST', headers: { 'x-request-id': given } });
    expect(kept.headers.get('x-request-id')).toBe(given);
    expect(((await kept.json()) as ErrorBody).error.data.requestId).toBe(given);
    const junk = await fetch(server.url('auth.register'), {
      method: 'POST',
      headers: { 'x-request-id': 'a b<script>' },
    });
    expect(junk.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
