import { createServer } from 'node:http';

/**
 * X-Forwarded-For as a proxy passes it on: the entries it received, then the address of the socket the request
 * arrived on. `next start` only sets the header when the client sent none, so there the client controls every
 * entry; appended here, the last entry is always the real peer, and the app counts TRUSTED_PROXY_HOPS entries
 * back from it (clientAddress in packages/domain).
 *
 * @param {string | string[] | undefined} received the header as Node parsed it (an array if sent twice)
 * @param {string | undefined} socketAddress `req.socket.remoteAddress` (undefined once the socket is gone)
 * @returns {string}
 */
export function appendSocketAddress(received, socketAddress) {
  const entries = (Array.isArray(received) ? received : [received ?? ''])
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  // A vanished socket still gets an entry of its own, so no client-written entry ever ends the chain.
  entries.push(socketAddress || 'unknown');
  return entries.join(', ');
}

/**
 * The HTTP server in front of Next.js's request handler: rewrites each request's X-Forwarded-For before any
 * framework code reads it. Plain JavaScript, since it runs before anything is compiled.
 *
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>} handle
 * @returns {import('node:http').Server}
 */
export function createWebServer(handle) {
  return createServer((req, res) => {
    req.headers['x-forwarded-for'] = appendSocketAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress);
    handle(req, res).catch((error) => {
      console.error(`Failed to handle request for ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}
