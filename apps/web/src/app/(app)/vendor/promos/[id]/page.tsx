import { isUuid, roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PromoEditor } from '@/components/vendor-promos/promo-editor';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Edit promo code' };

export default async function EditPromoPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireArea('vendor');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // The API lists a store's codes (tens, at most 500) rather than reading one: the code is found among them.
  const caller = await getServerCaller();
  const promo = (await caller.vendorPromos.list()).items.find((item) => item.id === id);
  if (!promo) notFound();
  const canEdit = me.activeStore ? roleAllows(me.activeStore.role, 'managePromos') : false;
  // Keyed by id and last change, so a save or an expiry read back from the server starts a fresh form.
  return <PromoEditor key={`${promo.id}:${promo.updatedAt}`} initial={promo} canEdit={canEdit} />;
}
