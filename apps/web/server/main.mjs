/**
 * Serves the built web app (`pnpm --filter @pf/web start [-p PORT] [-H HOST]`, as `next start` would), with one
 * difference: every request's X-Forwarded-For ends with the address of the socket it arrived on
 * (web-server.mjs). Next.js route handlers cannot see the socket, and `next start` keeps a client's own
 * X-Forwarded-For untouched, which let any client choose the address its sign-in attempts were counted under.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createWebServer } from './web-server.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
// The same defaults as `next start`: PORT or 3000, every interface.
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
// Set before Next.js loads, as its own CLI does, so React's production build is the one used.
process.env.NODE_ENV ||= 'production';
process.title = 'packfinderz-web';

const { default: next } = await import('next');
const app = next({ dev: false, dir: dirname(dirname(fileURLToPath(import.meta.url))), hostname, port });
await app.prepare();

const server = createWebServer(app.getRequestHandler());
server.listen(port, hostname, () => {
  console.log(`> PackFinderz web listening on http://${hostname ?? 'localhost'}:${port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    // In embedded mode the worker loops (instrumentation.ts) listen too, and exit once they have stopped.
    if (process.listenerCount(signal) === 0) process.exit(0);
  });
}
