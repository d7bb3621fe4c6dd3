import { CartSkeleton } from '@/components/cart/cart-view';
import { PageHeader } from '@/components/page-header';

export default function CheckoutLoading() {
  return (
    <>
      <PageHeader title="Checkout" description="One order per vendor, delivered together to your store." />
      <CartSkeleton />
    </>
  );
}
