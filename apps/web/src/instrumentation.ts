/**
 * Runs once per server process. In embedded mode the worker loops run here, in-process, sharing the one
 * PGlite handle (PGlite is single-connection; a second process could not open it).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startEmbeddedWorker } = await import('./server/embedded-worker');
  await startEmbeddedWorker();
}
