import { Banknote, ShieldCheck, Truck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { Card, CardBody } from '@/components/ui/card';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminHome() {
  const me = await requireArea('admin');
  const caller = await getServerCaller();
  const [agents, queue] = await Promise.all([caller.admin.agents.list(), caller.admin.licenses.queue({ limit: 100 })]);
  const pending = `${queue.items.length}${queue.nextCursor ? '+' : ''}`;
  return (
    <>
      <PageHeader title="Admin overview" description={`Signed in as ${me.user.firstName} ${me.user.lastName}`} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardBody>
            <Truck className="h-6 w-6 text-brand-700" aria-hidden />
            <p className="mt-3 text-3xl font-semibold text-gray-900">{agents.length}</p>
            <p className="text-sm text-gray-600">Delivery agents</p>
            <Link href="/admin/agents" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
              Manage agents
            </Link>
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <ShieldCheck className="h-6 w-6 text-brand-700" aria-hidden />
            <p className="mt-3 text-3xl font-semibold text-gray-900">{pending}</p>
            <p className="text-sm text-gray-600">Licenses waiting for review</p>
            <Link
              href="/admin/licenses"
              className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
            >
              Open the queue
            </Link>
          </CardBody>
        </Card>
        <ComingSoon icon={Banknote} title="Vendor payouts">
          Confirm payouts for delivered, cash-settled orders.
        </ComingSoon>
      </div>
    </>
  );
}
