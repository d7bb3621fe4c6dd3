import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LicenseReview } from '@/components/admin/license-review';
import { recordById } from '@/lib/record-by-id';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Review license' };

export default async function AdminLicensePage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  const { id } = await params;
  const caller = await getServerCaller();
  const license = await recordById(id, (licenseId) => caller.admin.licenses.get({ licenseId }));
  if (!license) notFound();
  return <LicenseReview initial={license} />;
}
