import { CartSkeleton } from '@/components/cart/cart-view';
import { PageHeader } from '@/components/page-header';

export default function CartLoading() {
  return (
    <>
      <PageHeader title="Cart" description="One cart for every vendor: each vendor gets its own order at checkout." />
      <CartSkeleton />
    </>
  );
}
