import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { meDto } from '@pf/domain';
import type { AnyTRPCRouter } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import type { AppRouter } from '../src/routers/root';
import { getMe } from '../src/services/auth/get-me';
import type { Context, RequestInput } from '../src/trpc/context';
import { resolvePrincipal } from '../src/trpc/principal';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function toHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/**
 * The app's router behind tRPC's standalone node adapter: node headers become a `Headers`, and the
 * context's `resHeaders` (tokens, request id) are copied onto the response through `responseMeta`.
 */
export function startTrpcServer(router: AppRouter, createContext: (input: RequestInput) => Context) {
  const server = createHTTPServer({
    router,
    createContext: ({ req }) =>
      createContext({
        headers: toHeaders(req.headers),
        resHeaders: new Headers(),
        remoteAddress: req.socket.remoteAddress ?? null,
      }),
    responseMeta: ({ ctx }) => ({ headers: ctx?.resHeaders }),
  });
  return listen(server);
}

/** Any router on the same adapter with no context (trpc-floor.ts). */
export const startTrpcServerFor = (router: AnyTRPCRouter) => listen(createHTTPServer({ router }));

/** The baseline: plain node http answering every request with the same bytes, no auth, no I/O. */
export function startBareServer(body: string) {
  const payload = Buffer.from(body);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length });
    res.end(payload);
  });
  return listen(server);
}

/**
 * The same work as `auth.me` (context, resolvePrincipal, getMe, output schema) called straight from a
 * node http handler, no tRPC: tells framework cost apart from the cost of the work itself.
 */
export function startDirectServer(createContext: (input: RequestInput) => Context) {
  const server = http.createServer((req, res) => {
    const ctx = createContext({ headers: toHeaders(req.headers), resHeaders: new Headers() });
    resolvePrincipal(ctx)
      .then((principal) => getMe(ctx.deps, principal))
      .then((me) => {
        const payload = Buffer.from(JSON.stringify({ result: { data: meDto.parse(me) } }));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length });
        res.end(payload);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  return listen(server);
}
