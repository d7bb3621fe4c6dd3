import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { TeamManager } from '@/components/settings/team-manager';
import { requireStore } from '@/server/access';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const { me, store } = await requireStore({ manageTeam: true });
  return (
    <>
      <PageHeader title="Team" description={`People who can act for ${store.name}.`} />
      <TeamManager currentUserId={me.user.id} actorRole={store.role} />
    </>
  );
}
