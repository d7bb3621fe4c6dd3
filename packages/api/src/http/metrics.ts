import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../deps';
import { metricsText } from './health';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so neither the token's length nor a common prefix shows in the answer's timing. */
const sameToken = (sent: string, expected: string) => timingSafeEqual(digest(sent), digest(expected));

const bearerOf = (authorization: string | null) => /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? null;

/**
 * GET /api/metrics for Prometheus: only with `Authorization: Bearer $METRICS_TOKEN`. Without a configured
 * token the endpoint does not exist (404, in every APP_ENV); a missing or wrong token is 401. The gauges
 * that query the database reuse their values for METRICS_CACHE_SECONDS (see registerEventingGauges).
 */
export async function handleMetricsRequest(deps: AppDeps, request: Request): Promise<Response> {
  const expected = deps.config.METRICS_TOKEN;
  if (!expected) return Response.json({ code: 'NOT_FOUND', message: 'Not found.' }, { status: 404 });
  const sent = bearerOf(request.headers.get('authorization'));
  if (sent === null || !sameToken(sent, expected)) {
    return Response.json(
      { code: 'UNAUTHORIZED', message: 'A valid metrics bearer token is required.' },
      { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } },
    );
  }
  const { contentType, body } = await metricsText(deps);
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
