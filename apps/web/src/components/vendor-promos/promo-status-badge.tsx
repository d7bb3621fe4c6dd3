import { Ban, CalendarX, CircleCheck, CirclePause, type LucideIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { PROMO_STATUS_LABELS, type PromoStatus } from '@/lib/promo-format';

const ICONS: Record<PromoStatus, LucideIcon> = {
  active: CircleCheck,
  paused: CirclePause,
  expired: CalendarX,
  used_up: Ban,
};

/** Icon and words, so the status never rests on colour alone (UI.md). */
export function PromoStatusBadge({ status }: { status: PromoStatus }) {
  const { label, tone } = PROMO_STATUS_LABELS[status];
  const Icon = ICONS[status];
  return (
    <Badge tone={tone} data-testid="promo-status">
      <Icon aria-hidden className="size-3.5" />
      {label}
    </Badge>
  );
}
