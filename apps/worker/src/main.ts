import { parseArgs } from 'node:util';
import { ALL_LOOPS, ConfigError, createRuntime, loadConfig, runLoops, selectLoops } from '@pf/api';

/**
 * The worker process: boots config, logger, database and KV, then runs the selected loops until SIGTERM or
 * SIGINT, letting each loop finish its current unit of work before exiting.
 */
async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const loops = selectLoops(ALL_LOOPS, only);
  const config = loadConfig(process.env);
  const runtime = await createRuntime(config);
  const { logger } = runtime.deps;

  const controller = new AbortController();
  const stop = (signal: string) => {
    if (controller.signal.aborted) return;
    logger.info({ signal }, 'shutdown requested; finishing current work');
    controller.abort();
  };
  // `on`, not `once`: a second signal (Ctrl+C reaches the whole process group, then the start script or a
  // supervisor sends TERM) must not kill the process halfway through its shutdown.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await runLoops(runtime.deps, loops, controller.signal);
  await runtime.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
