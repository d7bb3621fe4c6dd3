import { AppError, ERROR_CODES, type ErrorCode } from '@pf/domain';
import type { AppDeps } from '../deps';
import { emit } from '../events/emit';
import { localStorageOf } from '../storage';

/**
 * Route handlers for the local storage adapter's signed URLs (PUT upload, GET object). The web app mounts
 * them at /api/storage/upload/[...key] and /api/storage/object/[...key]; tests call them from a plain node
 * http server, so the HTTP path under test is the one that ships. With STORAGE_DRIVER=gcs both answer 404.
 */

/** Recognised by shape, not instanceof: a bundler may load two copies of the domain package (Next build). */
function appErrorOf(error: unknown): { code: ErrorCode; message: string; cause?: unknown } | null {
  if (!(error instanceof Error) || error.name !== 'AppError') return null;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code)
    ? { code: code as ErrorCode, message: error.message, cause: error.cause }
    : null;
}

/** `{code, message}` with the error's HTTP status; anything unexpected is logged and answered as a 500. */
function errorResponse(deps: AppDeps, error: unknown): Response {
  const known = appErrorOf(error);
  if (known) {
    const status = ERROR_CODES[known.code].http;
    if (status >= 500) deps.logger.error({ err: known.cause ?? error, code: known.code }, 'storage route failed');
    return Response.json({ code: known.code, message: known.message }, { status });
  }
  deps.logger.error({ err: error }, 'storage route failed');
  return Response.json({ code: 'INTERNAL_ERROR', message: 'Something went wrong.' }, { status: 500 });
}

type LocalStorage = NonNullable<ReturnType<typeof localStorageOf>>;

/** Runs a route against the local adapter (404 with any other driver), answering errors as `{code, message}`. */
async function servedLocally(deps: AppDeps, route: (storage: LocalStorage) => Promise<Response>): Promise<Response> {
  try {
    const storage = localStorageOf(deps.storage);
    if (!storage) throw new AppError('NOT_FOUND', 'Not found.');
    return await route(storage);
  } catch (error) {
    return errorResponse(deps, error);
  }
}

/** Key segments as the router decoded them from the path (`[...key]`). */
const keyOf = (segments: readonly string[]) => segments.join('/');

function contentLengthOf(request: Request): number | null {
  const header = request.headers.get('content-length');
  // NaN for a malformed header: the adapter refuses it as a bad Content-Length.
  return header === null ? null : /^\d+$/.test(header.trim()) ? Number(header) : Number.NaN;
}

/**
 * Stores the bytes (the adapter checks signature, expiry, type, size and key), then records
 * `media_object_finalized` so the same consumer as for GCS marks the media uploaded.
 */
export async function handleStorageUpload(
  deps: AppDeps,
  request: Request,
  keySegments: readonly string[],
): Promise<Response> {
  return servedLocally(deps, async (storage) => {
    const received = await storage.receiveUpload({
      key: keyOf(keySegments),
      query: new URL(request.url).searchParams,
      contentType: request.headers.get('content-type'),
      contentLength: contentLengthOf(request),
      body: request.body,
    });
    try {
      await deps.db.transaction((tx) =>
        emit(tx, {
          type: 'media_object_finalized',
          aggregateId: received.key,
          data: { object_key: received.key, size_bytes: received.sizeBytes, content_type: received.contentType },
          occurredAt: deps.clock.now(),
        }),
      );
    } catch (error) {
      // Without the event the media would stay pending with its one-time URL used up: remove the bytes so the
      // client can retry the same URL.
      await storage.deleteObject(received.key).catch(() => undefined);
      throw new AppError('DEPENDENCY_ERROR', 'The upload could not be recorded. Try again.', { cause: error });
    }
    return Response.json({ key: received.key, sizeBytes: received.sizeBytes }, { status: 200 });
  });
}

/** Streams an object to the holder of a valid signed read URL. */
export async function handleStorageDownload(
  deps: AppDeps,
  request: Request,
  keySegments: readonly string[],
): Promise<Response> {
  return servedLocally(deps, async (storage) => {
    const opened = await storage.openDownload({
      key: keyOf(keySegments),
      query: new URL(request.url).searchParams,
    });
    return new Response(opened.stream, { status: 200, headers: opened.headers });
  });
}
