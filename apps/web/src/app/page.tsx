import { redirect } from 'next/navigation';
import { homePathOf } from '@/lib/navigation';
import { getCurrentUser } from '@/server/caller';

export const dynamic = 'force-dynamic';

/** Sends each user to their own area. */
export default async function Home() {
  const me = await getCurrentUser();
  redirect(me ? homePathOf(me) : '/sign-in');
}
