import type { ReactNode } from 'react';
import { requireArea } from '@/server/access';

/**
 * The area's access check, above every page's loading boundary: a page behind loading.tsx streams its 200
 * before it runs, so a refusal there would arrive as a 403 page with status 200.
 */
export default async function BuyerLayout({ children }: { children: ReactNode }) {
  await requireArea('buyer');
  return <>{children}</>;
}
