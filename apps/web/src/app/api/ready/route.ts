import { readiness } from '@pf/api';
import { getWebRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Readiness: the database and the KV answer. */
export async function GET() {
  const { deps } = await getWebRuntime();
  const { httpStatus, ...body } = await readiness(deps);
  return Response.json(body, { status: httpStatus });
}
