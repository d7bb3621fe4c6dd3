import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { InvitationsList } from '@/components/settings/invitations-list';
import { requireUser } from '@/server/access';

export const metadata: Metadata = { title: 'Invitations' };

export default async function InvitationsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Invitations" description="Stores that invited you to join their team." />
      <InvitationsList />
    </>
  );
}
