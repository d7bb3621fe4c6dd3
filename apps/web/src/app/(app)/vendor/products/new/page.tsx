import { roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { ProductEditor } from '@/components/vendor-products/product-editor';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  const me = await requireArea('vendor');
  if (!me.activeStore || !roleAllows(me.activeStore.role, 'manageProducts')) forbidden();
  return <ProductEditor initial={null} canEdit />;
}
