import { randomUUID } from 'node:crypto';
import { clientAddress } from '@pf/domain';
import type { AppDeps } from '../deps';
import type { Principal, RequestMeta } from '../services/types';

/** How a request arrived, independent of the HTTP framework (Next.js route, node http, createCaller). */
export interface RequestInput {
  headers: Headers;
  /** Where token headers for the response go. */
  resHeaders: Headers;
  /** Session id from the browser session cookie (next-auth); API clients use a bearer token instead. */
  browserSessionId?: string | null;
  /**
   * Socket address when the framework exposes it. The web server appends it to X-Forwarded-For instead
   * (apps/web/server/main.mjs), since Next.js route handlers cannot see the socket.
   */
  remoteAddress?: string | null;
  /** Set by the HTTP handler, which names the request before tRPC runs (refusals carry it too). */
  requestId?: string;
}

export interface Context extends RequestMeta {
  deps: AppDeps;
  headers: Headers;
  resHeaders: Headers;
  browserSessionId: string | null;
  principal: Principal | null;
}

/**
 * Client IP: the socket address unless TRUSTED_PROXY_HOPS proxies stand in front (clientAddress in domain).
 * X-Real-IP and anything else a client can set on its own are never read.
 */
export const clientIp = (headers: Headers, trustedHops: number, remoteAddress?: string | null): string =>
  clientAddress(headers.get('x-forwarded-for'), trustedHops, remoteAddress);

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The caller's (or front proxy's) X-Request-Id when it is a sane token, else a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function createContextFactory(deps: AppDeps) {
  return (input: RequestInput): Context => {
    const requestId = input.requestId ?? requestIdFrom(input.headers);
    input.resHeaders.set('x-request-id', requestId);
    return {
      deps,
      headers: input.headers,
      resHeaders: input.resHeaders,
      browserSessionId: input.browserSessionId ?? null,
      principal: null,
      ip: clientIp(input.headers, deps.config.TRUSTED_PROXY_HOPS, input.remoteAddress),
      requestId,
    };
  };
}
