import type { ReactNode } from 'react';
import { GraceBanner } from '@/components/billing/grace-banner';
import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const dynamic = 'force-dynamic';

/** A vendor owner whose renewal failed sees the grace banner on every console page until it is fixed. */
async function graceOf(me: Awaited<ReturnType<typeof requireUser>>) {
  if (me.activeStore?.type !== 'vendor' || me.activeStore.role !== 'owner') return null;
  const overview = await (await getServerCaller()).billing.overview().catch(() => null);
  return overview?.listing.reason === 'grace' ? overview.listing : null;
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await requireUser();
  const grace = await graceOf(me);
  return (
    <AppShell me={me}>
      {grace ? <GraceBanner graceEndsAt={grace.graceEndsAt} /> : null}
      {children}
    </AppShell>
  );
}
