import type { Metadata } from 'next';
import { CartView } from '@/components/cart/cart-view';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Cart' };

export default function CartPage() {
  return (
    <>
      <PageHeader title="Cart" description="One cart for every vendor: each vendor gets its own order at checkout." />
      <CartView />
    </>
  );
}
