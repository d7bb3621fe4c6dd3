/**
 * ioredis failures that mean Redis is unreachable or refusing work for now (answer 503, retry later): the
 * client gave up reconnecting, the connection closed under the command, or the server replied that it is
 * loading, busy, read-only or out of memory. A reply such as WRONGTYPE is a bug in our call and stays a 500.
 */
const CLIENT_GAVE_UP = /^(Connection is closed\.|Stream isn't writeable|Reached the max retries per request limit)/;
const SERVER_NOT_READY = /^(LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY|OOM)\b/;

export function isRedisFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.name === 'MaxRetriesPerRequestError' || CLIENT_GAVE_UP.test(current.message)) return true;
    if (current.name === 'ReplyError' && SERVER_NOT_READY.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
