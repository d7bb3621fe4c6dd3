import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { AppDeps } from '../src/deps';
import { createTrpcHttpHandler, type TrpcHttpHandler } from '../src/http/trpc';
import { createLogger } from '../src/logger';
import type { AppRouter } from '../src/routers/root';

/** The shipping `/api/trpc` handler behind a plain node http server, as the Next.js route mounts it. */
export async function serveTrpc(deps: AppDeps, router: AppRouter) {
  const handle = createTrpcHttpHandler(deps, router);
  const server = createServer((req, res) => {
    respond(handle, req, res).catch((error: unknown) => {
      // Only a crash of the handler itself lands here; tests see it as a bare 599.
      res.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}/api/trpc/${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function respond(handle: TrpcHttpHandler, req: IncomingMessage, res: ServerResponse) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // A handler that stops reading (a body over the cap) cancels; the rest is then drained and dropped.
  let cancelled = false;
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          req.on('data', (chunk: Buffer) => cancelled || controller.enqueue(new Uint8Array(chunk)));
          req.on('end', () => cancelled || controller.close());
          req.on('error', (error) => cancelled || controller.error(error));
        },
        cancel() {
          cancelled = true;
        },
      })
    : undefined;
  const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
    method: req.method,
    headers,
    ...(body && { body, duplex: 'half' }),
  } as RequestInit);
  const response = await handle(request, { remoteAddress: req.socket.remoteAddress });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.appendHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The body of a tRPC error answer. */
export interface ErrorBody {
  error: {
    message: string;
    data: { code: string; httpStatus: number; requestId?: string; violations: unknown[]; path?: string };
  };
}

/** A logger whose JSON lines the test can read back. */
export function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('info', { name: 'test', destination: sink }), lines };
}
