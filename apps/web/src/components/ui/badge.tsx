import { cva, type VariantProps } from 'class-variance-authority';
import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

/** Status colours are fixed across the app (UI.md); the text always says the status too. */
const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
  {
    variants: {
      tone: {
        pending: 'bg-amber-50 text-amber-800 ring-amber-200',
        success: 'bg-green-50 text-green-800 ring-green-200',
        danger: 'bg-red-50 text-red-800 ring-red-200',
        info: 'bg-blue-50 text-blue-800 ring-blue-200',
        neutral: 'bg-gray-100 text-gray-700 ring-gray-200',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
);

export function Badge({
  className,
  tone,
  ...props
}: HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}

const KYC_TONES = {
  pending_verification: 'pending',
  verified: 'success',
  rejected: 'danger',
  expired: 'danger',
  suspended: 'danger',
} as const;

export function KycBadge({ status }: { status: keyof typeof KYC_TONES }) {
  return (
    <Badge tone={KYC_TONES[status]}>
      {status === 'pending_verification' ? 'Pending verification' : status[0]?.toUpperCase() + status.slice(1)}
    </Badge>
  );
}
