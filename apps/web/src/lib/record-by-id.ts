import { isUuid } from '@pf/domain';

const isNotFound = (error: unknown) => {
  const failure = error as { code?: string; cause?: { code?: string } };
  return failure.code === 'NOT_FOUND' || failure.cause?.code === 'NOT_FOUND';
};

/** A server-side API call for first paint: null when the API answers NOT_FOUND, rethrown otherwise. */
export async function orNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The record a page's `[id]` segment names, or null (the page's 404) when there is none. The id is checked with
 * the API's own rule (isUuid) first: one the API refuses as bad input would otherwise be a failed render, a 500.
 */
export async function recordById<T>(id: string, load: (id: string) => Promise<T>): Promise<T | null> {
  if (!isUuid(id)) return null;
  return orNotFound(load(id));
}
