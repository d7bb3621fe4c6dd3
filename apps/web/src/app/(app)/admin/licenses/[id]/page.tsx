import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LicenseReview } from '@/components/admin/license-review';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Review license' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminLicensePage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const license = await (await getServerCaller()).admin.licenses.get({ licenseId: id }).catch((error: unknown) => {
    const failure = error as { code?: string; cause?: { code?: string } };
    if (failure.code === 'NOT_FOUND' || failure.cause?.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!license) notFound();
  return <LicenseReview initial={license} />;
}
