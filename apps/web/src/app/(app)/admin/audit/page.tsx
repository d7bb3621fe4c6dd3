import type { Metadata } from 'next';
import { AuditLogBrowser } from '@/components/admin/audit-log-browser';
import { PageHeader } from '@/components/page-header';
import { parseAuditFilters } from '@/lib/audit-filters';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireArea('admin');
  const filters = parseAuditFilters(await searchParams);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every consequential change, who made it and when. Entries are never edited or removed."
      />
      <AuditLogBrowser initialFilters={filters} />
    </>
  );
}
