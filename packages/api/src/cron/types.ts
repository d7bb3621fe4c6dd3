import type { Config } from '../config';
import type { AppDeps } from '../deps';

/** What a run did, logged with its end line and kept in `cron_jobs.last_summary`. */
export type JobSummary = Record<string, number | string | boolean | null>;

/** A scheduled job. Runs at most once per schedule slot across every worker instance. */
export interface CronJob {
  name: string;
  /** Cron expression in CRON_TIMEZONE, or `off`; read from config so operators can move or disable a job. */
  schedule(config: Config): string;
  /** `signal` aborts on shutdown: long jobs stop between batches and finish the rest next time. */
  run(deps: AppDeps, signal: AbortSignal): Promise<JobSummary>;
}
