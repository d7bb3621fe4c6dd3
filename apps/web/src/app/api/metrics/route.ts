import { metricsText } from '@pf/api';
import { getWebRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint. */
export async function GET() {
  const { deps } = await getWebRuntime();
  const { contentType, body } = await metricsText(deps);
  return new Response(body, { headers: { 'content-type': contentType } });
}
