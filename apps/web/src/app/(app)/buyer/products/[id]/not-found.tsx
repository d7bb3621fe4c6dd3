import { PackageX } from 'lucide-react';
import { Unavailable } from '@/components/marketplace/unavailable';

export default function ProductNotFound() {
  return (
    <Unavailable icon={PackageX} title="This product isn’t available">
      The link may be wrong, the product may no longer be listed, or it is not sold in your state.
    </Unavailable>
  );
}
