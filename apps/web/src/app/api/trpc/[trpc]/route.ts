import type { NextRequest } from 'next/server';
import { sessionIdFromCookies } from '@/server/auth';
import { getWebRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

async function handler(req: NextRequest) {
  const { trpc } = await getWebRuntime();
  const browserSessionId = await sessionIdFromCookies((name) => req.cookies.get(name)?.value);
  return trpc(req, { browserSessionId });
}

// Every method reaches the handler, so a PUT or DELETE is answered 405 with the error contract and a request id.
export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
