import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import type { CronJob, JobSummary } from '../src/cron';
import { currentLogContext } from '../src/logger';

/** A clock that stands still until a test moves it, so schedule slots never depend on when the suite runs. */
export function fixedClock(start = '2030-01-15T12:00:00.000Z') {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}
export type FixedClock = ReturnType<typeof fixedClock>;

export const DAY_MS = 86_400_000;
export const daysAgo = (clock: { now(): Date }, days: number, extraMs = 0) =>
  new Date(clock.now().getTime() - days * DAY_MS - extraMs);

/** A job that counts its runs (shared by every scheduler instance that is handed it). */
export function countingJob(name: string, schedule = '0 0 * * *', delayMs = 0) {
  const state = { runs: 0 };
  const job: CronJob = {
    name,
    schedule: () => schedule,
    async run(): Promise<JobSummary> {
      state.runs++;
      if (delayMs > 0) await sleep(delayMs);
      return { runs: state.runs };
    },
  };
  return { job, state };
}

export const failingJob = (name: string, message = 'boom'): CronJob => ({
  name,
  schedule: () => '0 0 * * *',
  async run() {
    throw new Error(message);
  },
});

/** A pino logger (with the app's log context mixin) whose JSON lines the test can read. */
export function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info', mixin: () => currentLogContext() },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}
