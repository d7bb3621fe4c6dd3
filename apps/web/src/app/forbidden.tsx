import { ShieldAlert } from 'lucide-react';
import { StatusPage } from '@/components/status-page';

export default function Forbidden() {
  return (
    <StatusPage icon={ShieldAlert} code="403 · Not allowed" title="This area is not part of your role" tone="danger">
      Your account or your active store cannot open this page. Switch to a store that can, or go back to your own area.
    </StatusPage>
  );
}
