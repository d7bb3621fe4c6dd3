import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { sessionIdFromCookies } from './auth';
import { getWebRuntime } from './runtime';

/** A tRPC caller for Server Components, authorized by the browser session like any API request. */
export const getServerCaller = cache(async () => {
  const [{ createCaller, createContext }, cookieStore, headerStore] = await Promise.all([
    getWebRuntime(),
    cookies(),
    headers(),
  ]);
  const browserSessionId = await sessionIdFromCookies((name) => cookieStore.get(name)?.value);
  return createCaller(createContext({ headers: headerStore, resHeaders: new Headers(), browserSessionId }));
});

/** The signed-in user's view of themselves, or null when there is no valid session. */
export const getCurrentUser = cache(async () => {
  const caller = await getServerCaller();
  return caller.auth.me().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code === 'UNAUTHORIZED') return null;
    throw error;
  });
});
