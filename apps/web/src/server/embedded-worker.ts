import { ALL_LOOPS, runLoops } from '@pf/api';
import { getWebRuntime } from './runtime';

const globalStore = globalThis as typeof globalThis & { __pfWorkerStarted?: boolean };

export async function startEmbeddedWorker() {
  const { deps } = await getWebRuntime();
  if (!deps.config.runWorkerInWeb || globalStore.__pfWorkerStarted) return;
  globalStore.__pfWorkerStarted = true;
  const controller = new AbortController();
  const done = runLoops(deps, ALL_LOOPS, controller.signal);
  const stop = async () => {
    controller.abort();
    await done;
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
