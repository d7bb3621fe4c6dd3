import { Store } from 'lucide-react';
import { Unavailable } from '@/components/marketplace/unavailable';

export default function VendorNotFound() {
  return (
    <Unavailable icon={Store} title="This vendor isn’t available">
      The link may be wrong, or the vendor does not sell in your state.
    </Unavailable>
  );
}
