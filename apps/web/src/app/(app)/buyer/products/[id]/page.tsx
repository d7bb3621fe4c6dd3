import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { BackLink } from '@/components/marketplace/back-link';
import { ProductDetail } from '@/components/marketplace/product-detail';
import { recordById } from '@/lib/record-by-id';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

interface Props {
  params: Promise<{ id: string }>;
}

/** NOT_FOUND for missing, unlisted and other-state products alike (the API decides; the page cannot tell). */
const loadProduct = cache(async (id: string) => {
  const caller = await getServerCaller();
  return recordById(id, (productId) => caller.products.get({ productId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireArea('buyer');
  const product = await loadProduct((await params).id);
  return { title: product?.title ?? 'Product not available' };
}

export default async function ProductPage({ params }: Props) {
  await requireArea('buyer');
  const product = await loadProduct((await params).id);
  if (!product) notFound();
  return (
    <>
      <BackLink href="/buyer/marketplace">Marketplace</BackLink>
      <ProductDetail product={product} />
    </>
  );
}
