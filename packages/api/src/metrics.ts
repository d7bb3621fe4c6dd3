import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Per-process Prometheus registry (a factory, so tests and the embedded mode never share globals). */
export function createMetrics({ defaults = true } = {}) {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new Histogram({
      name: 'pf_trpc_request_duration_seconds',
      help: 'tRPC procedure latency',
      labelNames: ['procedure', 'type', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    authEvents: new Counter({
      name: 'pf_auth_events_total',
      help: 'Authentication outcomes',
      labelNames: ['event'] as const,
      registers: [registry],
    }),
    loopRuns: new Counter({
      name: 'pf_worker_loop_runs_total',
      help: 'Units of work completed by worker loops',
      labelNames: ['loop', 'outcome'] as const,
      registers: [registry],
    }),
    outboxPublished: new Counter({
      name: 'pf_outbox_published_total',
      help: 'Outbox events published',
      registers: [registry],
    }),
    outboxDeadLettered: new Counter({
      name: 'pf_outbox_dead_lettered_total',
      help: 'Outbox events moved to the DLQ by the dispatcher',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    consumerEvents: new Counter({
      name: 'pf_consumer_events_total',
      help: 'Deliveries handled by consumers, by outcome',
      labelNames: ['consumer', 'outcome'] as const,
      registers: [registry],
    }),
    consumerLagSeconds: new Histogram({
      name: 'pf_consumer_lag_seconds',
      help: 'Time from outbox commit to consumer effect',
      labelNames: ['consumer'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'pf_job_duration_seconds',
      help: 'Duration of scheduled (cron) job runs',
      labelNames: ['job', 'outcome'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers: [registry],
    }),
    jobSuccess: new Counter({
      name: 'pf_job_success_total',
      help: 'Scheduled job runs that completed',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    jobFailure: new Counter({
      name: 'pf_job_failure_total',
      help: 'Scheduled job runs that threw',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    jobLastSuccess: new Gauge({
      name: 'pf_job_last_success_timestamp_seconds',
      help: 'When each scheduled job last completed in this process (alert when it falls behind its schedule)',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    workerHeartbeat: new Gauge({
      name: 'pf_worker_heartbeat_timestamp_seconds',
      help: 'Last heartbeat of the worker loops in this process',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
