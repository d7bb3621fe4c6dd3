import { liveness } from '@pf/api';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. Never touches dependencies. */
export function GET() {
  return Response.json(liveness());
}
