import { handleMetricsRequest } from '@pf/api';
import { getWebRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint: needs `Authorization: Bearer $METRICS_TOKEN` (404 when none is configured). */
export async function GET(request: Request) {
  const { deps } = await getWebRuntime();
  return handleMetricsRequest(deps, request);
}
