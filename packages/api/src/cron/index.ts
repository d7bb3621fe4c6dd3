import { licenseLifecycleJob } from './jobs/license-lifecycle';
import { orderTtlJob } from './jobs/order-ttl';
import { pendingMediaCleanupJob } from './jobs/pending-media';
import {
  deliveryRetentionJob,
  dlqRetentionJob,
  idempotencyRetentionJob,
  notificationRetentionJob,
  outboxRetentionJob,
} from './jobs/retention';
import { subscriptionReconcileJob } from './jobs/subscription-reconcile';
import { cronSchedulerLoop } from './scheduler';
import type { CronJob } from './types';

/** Every scheduled job, in the order a tick runs them. */
export const ALL_CRON_JOBS: readonly CronJob[] = [
  idempotencyRetentionJob,
  outboxRetentionJob,
  notificationRetentionJob,
  dlqRetentionJob,
  deliveryRetentionJob,
  licenseLifecycleJob,
  orderTtlJob,
  pendingMediaCleanupJob,
  subscriptionReconcileJob,
];

export const cronLoop = cronSchedulerLoop(ALL_CRON_JOBS);
export { cronSchedulerLoop, type JobOutcome, runDueJobs } from './scheduler';
export type { CronJob, JobSummary } from './types';
