import { roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PromoEditor } from '@/components/vendor-promos/promo-editor';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'New promo code' };

/**
 * No loading boundary above this page (the list's skeleton lives in the `(list)` group), so a role that may not
 * manage promos gets a real 403 status rather than a streamed 200 with the forbidden page in it.
 */
export default async function NewPromoPage() {
  const me = await requireArea('vendor');
  if (!me.activeStore || !roleAllows(me.activeStore.role, 'managePromos')) forbidden();
  return <PromoEditor initial={null} canEdit />;
}
