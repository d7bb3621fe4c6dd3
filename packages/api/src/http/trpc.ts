import { AppError } from '@pf/domain';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { AppDeps } from '../deps';
import { withLogContext } from '../logger';
import type { AppRouter } from '../routers/root';
import { createContextFactory, requestIdFrom } from '../trpc/context';
import { errorShapeOf, originalErrorOf, toAppError } from '../trpc/errors';

/** JSON bodies above this are refused unread; the largest real input (a product with its tiers) is a few KiB. */
export const MAX_TRPC_BODY_BYTES = 1024 * 1024;

/** Queries are GET, mutations POST; HEAD is tRPC's warm-up probe. */
const ACCEPTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

const isJson = (contentType: string | null) =>
  contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';

/** The body as text, refused once it passes the cap (a missing or lying Content-Length changes nothing). */
async function boundedText(req: Request): Promise<string> {
  const declared = Number(req.headers.get('content-length'));
  if (declared > MAX_TRPC_BODY_BYTES) throw tooLarge();
  if (!req.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_TRPC_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_TRPC_BODY_BYTES} bytes.`);

/**
 * What tRPC would otherwise half-accept: other methods, a POST that is not JSON (tRPC reads form data and
 * octet streams too, and cross-site forms can send those without a preflight), an oversized or unparsable
 * body. Returns the request to hand on, with the body already read, or the refusal.
 */
async function screened(req: Request): Promise<Request | AppError> {
  if (!ACCEPTED_METHODS.has(req.method)) {
    return new AppError('METHOD_NOT_ALLOWED', `${req.method} is not supported: queries are GET, mutations POST.`);
  }
  if (req.method !== 'POST') return req;
  if (!isJson(req.headers.get('content-type'))) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  let body: string;
  try {
    body = await boundedText(req);
  } catch (error) {
    if (error instanceof AppError) return error;
    return new AppError('VALIDATION_ERROR', 'The request body could not be read.', { cause: error });
  }
  if (body.trim() !== '') {
    try {
      JSON.parse(body);
    } catch {
      return new AppError('VALIDATION_ERROR', 'The request body is not valid JSON.');
    }
  }
  return new Request(req.url, { method: 'POST', headers: req.headers, body, signal: req.signal });
}

export interface TrpcRequestExtras {
  /** Session id from the browser session cookie (next-auth); API clients send a bearer token instead. */
  browserSessionId?: string | null;
  remoteAddress?: string | null;
}

/**
 * The `/api/trpc` endpoint as a fetch handler (the Next.js route mounts it; tests serve it over node http).
 * Every answer carries an X-Request-Id, and every error a stable `data.code` and `data.requestId`: the
 * request is named before tRPC runs, so even a request refused before any procedure can be traced.
 */
export const TRPC_ENDPOINT = '/api/trpc';

/**
 * Options every HTTP entry of the tRPC router hands to tRPC's fetch adapter: one request may batch at most
 * TRPC_MAX_BATCH_SIZE calls (tRPC refuses a larger batch before any procedure or context runs; the error
 * formatter answers it as 413 BATCH_TOO_LARGE).
 */
export const trpcHttpOptions = (deps: AppDeps) => ({
  endpoint: TRPC_ENDPOINT,
  maxBatchSize: deps.config.TRPC_MAX_BATCH_SIZE,
});

export function createTrpcHttpHandler(deps: AppDeps, router: AppRouter, endpoint = TRPC_ENDPOINT) {
  const createContext = createContextFactory(deps);
  return (req: Request, extras: TrpcRequestExtras = {}): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    return withLogContext({ requestId }, async () => {
      const checked = await screened(req);
      const response =
        checked instanceof AppError
          ? refusal(deps, checked, requestId)
          : await fetchRequestHandler({
              ...trpcHttpOptions(deps),
              endpoint,
              req: checked,
              router,
              createContext: ({ resHeaders }) =>
                createContext({ headers: req.headers, resHeaders, requestId, ...extras }),
              // Errors inside a procedure are logged by its middleware; these never reached one.
              onError: ({ error, ctx, path }) => {
                if (!ctx) logFailure(deps, toAppError(error), path);
              },
            });
      response.headers.set('x-request-id', requestId);
      // tRPC's own 405 is a GET on a mutation or a POST on a query: the path takes the other method.
      if (response.status === 405 && !response.headers.has('allow')) {
        response.headers.set('allow', req.method === 'GET' ? 'POST' : 'GET');
      }
      return response;
    });
  };
}
export type TrpcHttpHandler = ReturnType<typeof createTrpcHttpHandler>;

function logFailure(deps: AppDeps, error: AppError, path: string | undefined) {
  if (error.httpStatus >= 500) {
    deps.logger.error({ path, code: error.code, err: originalErrorOf(error) }, 'request failed');
  } else {
    deps.logger.info({ path, code: error.code }, 'request refused');
  }
}

function refusal(deps: AppDeps, error: AppError, requestId: string): Response {
  logFailure(deps, error, undefined);
  const headers = new Headers({ 'content-type': 'application/json' });
  if (error.code === 'METHOD_NOT_ALLOWED') headers.set('allow', 'GET, POST');
  return new Response(JSON.stringify({ error: errorShapeOf(error, requestId, undefined) }), {
    status: error.httpStatus,
    headers,
  });
}
