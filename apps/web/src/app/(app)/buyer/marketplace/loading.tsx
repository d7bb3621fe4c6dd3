import { BrowseSkeleton } from '@/components/marketplace/page-skeletons';
import { PageHeader } from '@/components/page-header';

export default function MarketplaceLoading() {
  return (
    <>
      <PageHeader title="Marketplace" description="Products from licensed, verified vendors in your state." />
      <BrowseSkeleton />
    </>
  );
}
