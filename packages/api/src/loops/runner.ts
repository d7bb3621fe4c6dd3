import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppDeps } from '../deps';
import { withLogContext } from '../logger';

/** A worker loop: `runOnce` is one unit of work; shutdown waits for the current unit to finish. */
export interface Loop {
  name: string;
  intervalMs(deps: AppDeps): number;
  /** Resolves true when more work is likely waiting: the loop then goes again without sleeping. */
  runOnce(deps: AppDeps, signal: AbortSignal): Promise<boolean | undefined>;
  /** How to wait when idle (e.g. until a Postgres NOTIFY); defaults to sleeping `intervalMs`. */
  idle?(deps: AppDeps, signal: AbortSignal): Promise<void>;
}

/** After failures: double the wait each time up to 10 s, plus jitter, so a broken dependency is not hammered. */
const failureDelayMs = (intervalMs: number, failures: number) =>
  Math.min(10_000, intervalMs * 2 ** failures) + Math.floor(Math.random() * 250);

export function selectLoops(all: Loop[], only?: string[]): Loop[] {
  if (!only || only.length === 0) return all;
  const unknown = only.filter((name) => !all.some((loop) => loop.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown loop(s): ${unknown.join(', ')}. Known: ${all.map((loop) => loop.name).join(', ')}`);
  }
  return all.filter((loop) => only.includes(loop.name));
}

async function runLoop(deps: AppDeps, loop: Loop, signal: AbortSignal) {
  let failures = 0;
  while (!signal.aborted) {
    const jobId = randomUUID();
    const busy = await withLogContext({ loop: loop.name, jobId }, async () => {
      try {
        const more = await loop.runOnce(deps, signal);
        deps.metrics.loopRuns.inc({ loop: loop.name, outcome: 'ok' });
        failures = 0;
        return more === true;
      } catch (error) {
        deps.metrics.loopRuns.inc({ loop: loop.name, outcome: 'error' });
        deps.logger.error({ err: error }, 'loop iteration failed');
        failures++;
        return false;
      }
    });
    if (busy || signal.aborted) continue;
    if (failures > 0) {
      await sleep(failureDelayMs(loop.intervalMs(deps), failures), undefined, { signal }).catch(() => undefined);
    } else if (loop.idle) {
      await loop.idle(deps, signal);
    } else {
      await sleep(loop.intervalMs(deps), undefined, { signal }).catch(() => undefined);
    }
  }
}

/** Runs loops until the signal aborts; resolves once every loop has finished its current unit of work. */
export async function runLoops(deps: AppDeps, loops: Loop[], signal: AbortSignal): Promise<void> {
  deps.logger.info({ loops: loops.map((loop) => loop.name) }, 'worker loops starting');
  await Promise.all(loops.map((loop) => runLoop(deps, loop, signal)));
  deps.logger.info('worker loops stopped');
}
