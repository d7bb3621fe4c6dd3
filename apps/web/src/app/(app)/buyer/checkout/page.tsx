import type { Metadata } from 'next';
import { CheckoutView } from '@/components/cart/checkout-view';
import { PageHeader } from '@/components/page-header';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  // The store's address is the fallback delivery address (the quote copies it onto the cart).
  const profile = await (await getServerCaller()).store.me.get().catch(() => null);
  const address = profile?.address ?? null;
  return (
    <>
      <PageHeader title="Checkout" description="One order per vendor, delivered together to your store." />
      <CheckoutView storeAddress={address} />
    </>
  );
}
