import { PromoEditorSkeleton } from '@/components/vendor-promos/promo-editor-skeleton';

export default function Loading() {
  return <PromoEditorSkeleton />;
}
