import type { Metadata } from 'next';
import { AgentsManager } from '@/components/admin/agents-manager';
import { PageHeader } from '@/components/page-header';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Agents' };

export default async function AdminAgentsPage() {
  await requireArea('admin');
  return (
    <>
      <PageHeader title="Delivery agents" description="People who pick up orders, deliver them and collect cash." />
      <AgentsManager />
    </>
  );
}
