import { SearchX } from 'lucide-react';
import { StatusPage } from '@/components/status-page';

export default function NotFound() {
  return (
    <StatusPage icon={SearchX} code="404" title="We could not find that page">
      The link may be mistyped, or the page has moved. Your navigation is still here.
    </StatusPage>
  );
}
