import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { LocalObjectStorage } from '@pf/adapters';
import { media } from '@pf/db';
import type { MediaKind, MediaStatus } from '@pf/domain';
import { PNG } from 'pngjs';
import { mediaDeleterConsumer, mediaFinalizerConsumer } from '../src/consumers/media';
import type { AppDeps } from '../src/deps';
import { createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { handleStorageDownload, handleStorageUpload } from '../src/http/storage';
import type { TestApp } from '../src/testing';

const UPLOAD_PREFIX = '/api/storage/upload/';
const DOWNLOAD_PREFIX = '/api/storage/object/';

/** Path segments after a route prefix, decoded one by one as Next.js does for `[...key]`. */
const segmentsAfter = (path: string, prefix: string) =>
  path
    .slice(prefix.length)
    .split('/')
    .map((segment) => decodeURIComponent(segment));

async function route(deps: AppDeps, req: IncomingMessage, res: ServerResponse) {
  const raw = req.url ?? '/';
  // The raw path, not a URL-normalized one: traversal attempts must reach the handler as sent.
  const path = raw.split('?')[0] ?? '/';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const request = new Request(new URL(raw, 'http://storage.test'), {
    method: req.method,
    headers,
    ...(req.method === 'PUT' && { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }),
  } as RequestInit);
  const response =
    req.method === 'PUT' && path.startsWith(UPLOAD_PREFIX)
      ? await handleStorageUpload(deps, request, segmentsAfter(path, UPLOAD_PREFIX))
      : req.method === 'GET' && path.startsWith(DOWNLOAD_PREFIX)
        ? await handleStorageDownload(deps, request, segmentsAfter(path, DOWNLOAD_PREFIX))
        : Response.json({ code: 'NOT_FOUND', message: 'no route' }, { status: 404 });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>).pipe(res);
  else res.end();
}

/**
 * A plain node http server running the same handlers as the web app's storage routes. It starts before the
 * app (whose APP_URL must name its port), so `attach` hands it the app's deps afterwards.
 */
export async function startStorageServer() {
  let deps: AppDeps | null = null;
  const server = createServer((req, res) => {
    if (!deps) return void res.writeHead(503).end();
    route(deps, req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    attach(app: TestApp) {
      deps = app.deps;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One pass of the worker for the media consumers: publish the outbox, then handle it. */
export async function deliverMediaEvents(app: TestApp) {
  await dispatchOutboxBatch(app.deps);
  let handled = 0;
  for (const consumer of [mediaFinalizerConsumer, mediaDeleterConsumer]) {
    handled += await app.deps.transport.receive(consumer.name, 100, createDeliveryProcessor(app.deps, consumer));
  }
  return handled;
}

const EXTENSION: Record<string, string> = { 'image/png': 'png', 'application/pdf': 'pdf', 'video/mp4': 'mp4' };

/** A media row written directly (fixtures for access, attachment and cleanup tests). */
export async function insertMediaRow(
  app: TestApp,
  storeId: string,
  options: {
    kind?: MediaKind;
    status?: MediaStatus;
    mimeType?: string;
    userId?: string;
    createdAt?: Date;
    sizeBytes?: number;
  } = {},
) {
  const id = randomUUID();
  const kind = options.kind ?? 'store';
  const mimeType = options.mimeType ?? 'image/png';
  const objectKey = `${storeId}/${kind}/${id}.${EXTENSION[mimeType] ?? 'bin'}`;
  const status = options.status ?? 'uploaded';
  await app.deps.db.insert(media).values({
    id,
    storeId,
    userId: options.userId ?? null,
    kind,
    status,
    objectKey,
    fileName: `file.${EXTENSION[mimeType] ?? 'bin'}`,
    mimeType,
    sizeBytes: options.sizeBytes ?? 8,
    uploadedAt: status === 'pending' ? null : app.deps.clock.now(),
    ...(options.createdAt && { createdAt: options.createdAt }),
  });
  return { id, objectKey };
}

/** A real 1×1 PNG: signature, IHDR, image data, end. */
const ONE_PIXEL_PNG = PNG.sync.write(new PNG({ width: 1, height: 1 }));

/**
 * A PNG body of exactly `size` bytes: a real PNG padded with zeros, or cut short. Finalize sniffs the first
 * bytes, and 16 (signature and the IHDR chunk header) are what it needs to recognise a PNG.
 */
export const pngBytes = (size = 128) => {
  const bytes = Buffer.alloc(size, 0);
  ONE_PIXEL_PNG.copy(bytes, 0, 0, Math.min(size, ONE_PIXEL_PNG.length));
  return bytes;
};

/** The first bytes of other real formats, as file-type recognises them (tiny complete files). */
export const JPEG_BYTES = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
export const WEBP_BYTES = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const HTML_BYTES = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);

/** Puts bytes under `key` through the local adapter's own signed-upload path (no event is written). */
export async function storeObject(app: TestApp, key: string, contentType: string, bytes: Buffer) {
  const storage = app.deps.storage as LocalObjectStorage;
  const expiresAt = new Date(app.deps.clock.now().getTime() + 10 * 60_000);
  const signed = await storage.signUpload({ key, contentType, maxBytes: bytes.length, expiresAt });
  await storage.receiveUpload({
    key,
    query: new URL(signed.url).searchParams,
    contentType,
    contentLength: bytes.length,
    body: Readable.from([bytes]),
  });
}
