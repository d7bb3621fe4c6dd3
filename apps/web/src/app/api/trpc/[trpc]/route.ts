import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { NextRequest } from 'next/server';
import { sessionIdFromCookies } from '@/server/auth';
import { getWebRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

async function handler(req: NextRequest) {
  const { router, createContext } = await getWebRuntime();
  const browserSessionId = await sessionIdFromCookies((name) => req.cookies.get(name)?.value);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router,
    createContext: ({ resHeaders }) => createContext({ headers: req.headers, resHeaders, browserSessionId }),
  });
}

export { handler as GET, handler as POST };
