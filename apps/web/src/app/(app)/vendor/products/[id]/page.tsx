import { roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductEditor } from '@/components/vendor-products/product-editor';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Edit product' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireArea('vendor');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const product = await (await getServerCaller()).vendorProducts.get({ productId: id }).catch((error: unknown) => {
    const failure = error as { code?: string; cause?: { code?: string } };
    if (failure.code === 'NOT_FOUND' || failure.cause?.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!product) notFound();
  const canEdit = me.activeStore ? roleAllows(me.activeStore.role, 'manageProducts') : false;
  // Keyed by id, so moving from one product to another starts a fresh form.
  return <ProductEditor key={product.id} initial={product} canEdit={canEdit} />;
}
