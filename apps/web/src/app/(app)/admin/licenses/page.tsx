import { ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Licenses' };

export default async function AdminLicensesPage() {
  await requireArea('admin');
  return (
    <>
      <PageHeader title="License queue" description="State licenses waiting for verification." />
      <ComingSoon icon={ShieldCheck} title="Verification queue">
        License submission and verification arrive with the compliance release.
      </ComingSoon>
    </>
  );
}
