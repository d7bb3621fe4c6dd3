import 'server-only';

export { orNotFound } from './record-by-id';

/** First paint is a nicety: when it fails (e.g. a stale cursor in a shared URL) the client asks again and explains. */
export const orNothing = <T>(call: Promise<T>): Promise<T | null> => call.catch(() => null);
