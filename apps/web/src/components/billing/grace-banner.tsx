import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { formatDate } from '@/lib/billing';

/** The vendor console's warning while a failed renewal is in its grace period. */
export function GraceBanner({ graceEndsAt }: { graceEndsAt: string | null }) {
  return (
    <div
      role="alert"
      className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <TriangleAlert className="h-5 w-5 shrink-0" aria-hidden />
      <p className="min-w-0 flex-1">
        <strong>Payment failed.</strong> Your products stay listed until {formatDate(graceEndsAt)}. Update your card to
        keep them visible.
      </p>
      <Link href="/vendor/billing" className="font-medium underline underline-offset-4">
        Fix billing
      </Link>
    </div>
  );
}
