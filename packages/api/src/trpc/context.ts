import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps';
import type { Principal, RequestMeta } from '../services/types';

/** How a request arrived, independent of the HTTP framework (Next.js route, node http, createCaller). */
export interface RequestInput {
  headers: Headers;
  /** Where token headers for the response go. */
  resHeaders: Headers;
  /** Session id from the browser session cookie (next-auth); API clients use a bearer token instead. */
  browserSessionId?: string | null;
  /** Socket address when the framework exposes it. */
  remoteAddress?: string | null;
}

export interface Context extends RequestMeta {
  deps: AppDeps;
  headers: Headers;
  resHeaders: Headers;
  browserSessionId: string | null;
  principal: Principal | null;
}

/**
 * Client IP: the right-most X-Forwarded-For entry is the one our own front proxy (or the Next.js server)
 * appended; the left-most is whatever the client claimed, so it is never used for limits.
 */
export function clientIp(headers: Headers, remoteAddress?: string | null): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? headers.get('x-real-ip') ?? remoteAddress ?? 'unknown';
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function createContextFactory(deps: AppDeps) {
  return (input: RequestInput): Context => {
    const incoming = input.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    input.resHeaders.set('x-request-id', requestId);
    return {
      deps,
      headers: input.headers,
      resHeaders: input.resHeaders,
      browserSessionId: input.browserSessionId ?? null,
      principal: null,
      ip: clientIp(input.headers, input.remoteAddress),
      requestId,
    };
  };
}
