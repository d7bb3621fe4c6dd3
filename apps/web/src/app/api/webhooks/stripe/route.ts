import { getWebRuntime } from '@/server/runtime';

// The signature covers the raw bytes: read as they arrive, never cached, Node APIs.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Stripe's webhook endpoint (and the simulated provider's, which calls the same handler in-process). 200 for
 * applied, replayed and ignored (unknown type) events; 400 for bad signatures and malformed bodies; 413 above
 * 5 MB. See packages/api/src/http/stripe-webhook.ts.
 */
export async function POST(request: Request) {
  const { deps, webhookRoutes } = await getWebRuntime();
  return webhookRoutes.stripe(deps, request);
}
