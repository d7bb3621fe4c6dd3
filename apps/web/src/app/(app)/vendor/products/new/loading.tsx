import { EditorSkeleton } from '@/components/vendor-products/editor-skeleton';

export default function Loading() {
  return <EditorSkeleton />;
}
