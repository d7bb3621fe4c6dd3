import { roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductEditor } from '@/components/vendor-products/product-editor';
import { recordById } from '@/lib/record-by-id';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Edit product' };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireArea('vendor');
  const { id } = await params;
  const caller = await getServerCaller();
  const product = await recordById(id, (productId) => caller.vendorProducts.get({ productId }));
  if (!product) notFound();
  const canEdit = me.activeStore ? roleAllows(me.activeStore.role, 'manageProducts') : false;
  // Keyed by id, so moving from one product to another starts a fresh form.
  return <ProductEditor key={product.id} initial={product} canEdit={canEdit} />;
}
