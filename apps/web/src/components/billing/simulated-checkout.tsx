'use client';

import type { SimulatedCheckoutDto } from '@pf/domain';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button, buttonVariants } from '@/components/ui/button';
import { planPrice } from '@/lib/billing';
import { formatMoney } from '@/lib/catalog-format';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** The simulated provider's checkout page: no card, "Pay now" completes at once. */
export function SimulatedCheckout({ session }: { session: SimulatedCheckoutDto }) {
  const trpc = useTRPC();
  const [leaving, setLeaving] = useState(false);
  const pay = useMutation(
    trpc.billing.simulator.pay.mutationOptions({
      onSuccess: ({ url }) => {
        setLeaving(true);
        window.location.assign(url);
      },
      onError: (error) => toast.error(apiErrorInfo(error).message),
    }),
  );
  const { plan } = session;
  const dueToday = plan.trialDays > 0 ? 0 : plan.priceCents;
  return (
    <div className="mx-auto max-w-md rounded-lg border border-gray-200 bg-white p-6 shadow-xs">
      <p className="text-xs font-medium uppercase tracking-wide text-amber-700">Simulated payments · no card needed</p>
      <h1 className="mt-2 text-xl font-semibold text-gray-900">Subscribe {session.storeName}</h1>
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-gray-600">{plan.name}</dt>
          <dd className="font-medium text-gray-900">{planPrice(plan)}</dd>
        </div>
        {plan.trialDays > 0 ? (
          <div className="flex justify-between gap-4">
            <dt className="text-gray-600">Free trial</dt>
            <dd className="text-gray-900">{plan.trialDays} days</dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-4 border-t border-gray-200 pt-2">
          <dt className="font-medium text-gray-900">Due today</dt>
          <dd className="font-semibold text-gray-900">{formatMoney(dueToday)}</dd>
        </div>
      </dl>
      {session.status === 'complete' ? (
        <Link href={session.successUrl} className={buttonVariants({ className: 'mt-6 w-full' })}>
          Already paid: back to billing
        </Link>
      ) : (
        <div className="mt-6 space-y-2">
          <Button
            className="w-full"
            size="lg"
            onClick={() => pay.mutate({ sessionId: session.sessionId })}
            disabled={pay.isPending || leaving}
          >
            {pay.isPending || leaving ? 'Paying…' : 'Pay now'}
          </Button>
          <Link href={session.cancelUrl} className={buttonVariants({ variant: 'ghost', className: 'w-full' })}>
            Cancel
          </Link>
        </div>
      )}
    </div>
  );
}
