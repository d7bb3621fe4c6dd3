import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';

export const liveness = () => ({ status: 'live' as const });

/** Ready when the database answers a query and the KV answers a ping. */
export async function readiness(deps: AppDeps) {
  const check = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return 'ok' as const;
    } catch {
      return 'down' as const;
    }
  };
  const [database, kv] = await Promise.all([check(() => deps.db.execute(sql`select 1`)), check(() => deps.kv.ping())]);
  const ready = database === 'ok' && kv === 'ok';
  return {
    status: ready ? ('ready' as const) : ('unavailable' as const),
    checks: { database, kv },
    httpStatus: ready ? 200 : 503,
  };
}

export const metricsText = async (deps: AppDeps) => ({
  contentType: deps.metrics.registry.contentType,
  body: await deps.metrics.registry.metrics(),
});
