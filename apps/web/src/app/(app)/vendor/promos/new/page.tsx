import { roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PromoEditor } from '@/components/vendor-promos/promo-editor';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'New promo code' };

export default async function NewPromoPage() {
  const me = await requireArea('vendor');
  if (!me.activeStore || !roleAllows(me.activeStore.role, 'managePromos')) forbidden();
  return <PromoEditor initial={null} canEdit />;
}
