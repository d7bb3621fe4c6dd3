import type { Metadata } from 'next';
import { ConfirmationView } from '@/components/cart/confirmation-view';

export const metadata: Metadata = { title: 'Order confirmation' };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function CheckoutConfirmationPage({ params }: Props) {
  return <ConfirmationView identifier={(await params).id} />;
}
