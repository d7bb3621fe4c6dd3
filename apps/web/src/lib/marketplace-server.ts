import 'server-only';

/** A server-side API call for first paint: null when the API answers NOT_FOUND, rethrown otherwise. */
export async function orNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    const failure = error as { code?: string; cause?: { code?: string } };
    if (failure.code === 'NOT_FOUND' || failure.cause?.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** First paint is a nicety: when it fails (e.g. a stale cursor in a shared URL) the client asks again and explains. */
export const orNothing = <T>(call: Promise<T>): Promise<T | null> => call.catch(() => null);
