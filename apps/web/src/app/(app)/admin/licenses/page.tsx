import type { Metadata } from 'next';
import { LicenseQueue } from '@/components/admin/license-queue';
import { PageHeader } from '@/components/page-header';
import { parseQueueFilters } from '@/lib/license-queue';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'License queue' };

export default async function AdminLicensesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireArea('admin');
  const filters = parseQueueFilters(await searchParams);
  return (
    <>
      <PageHeader
        title="License queue"
        description="State licenses submitted by stores. First come, first served: the oldest submission is at the top."
      />
      <LicenseQueue initialFilters={filters} />
    </>
  );
}
