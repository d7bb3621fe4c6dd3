import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { StoreImages } from '@/components/settings/store-images';
import { StoreProfileForm } from '@/components/settings/store-profile-form';
import { requireStore } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Store settings' };

export default async function StoreSettingsPage() {
  const { store } = await requireStore();
  const profile = await (await getServerCaller()).store.me.get();
  const canEdit = store.role === 'owner' || store.role === 'manager';
  return (
    <>
      <PageHeader title="Store settings" description="How your business appears to trading partners." />
      <StoreProfileForm profile={profile} canEdit={canEdit} />
      <StoreImages profile={profile} canEdit={canEdit} />
    </>
  );
}
