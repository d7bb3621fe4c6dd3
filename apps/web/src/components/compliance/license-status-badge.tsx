import type { LicenseStatus } from '@pf/domain';
import { CircleAlert, CircleCheck, Clock, type LucideIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { LICENSE_STATUS } from '@/lib/licenses';

const ICONS: Record<LicenseStatus, LucideIcon> = {
  pending: Clock,
  verified: CircleCheck,
  rejected: CircleAlert,
  expired: CircleAlert,
};

/** Colour, icon and words together: colour is never the only signal (UI.md). */
export function LicenseStatusBadge({ status }: { status: LicenseStatus }) {
  const { label, tone } = LICENSE_STATUS[status];
  const Icon = ICONS[status];
  return (
    <Badge tone={tone} data-testid="license-status" data-status={status}>
      <Icon className="h-3.5 w-3.5" aria-hidden />
      {label}
    </Badge>
  );
}
