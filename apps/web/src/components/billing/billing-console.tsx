'use client';

import type { BillingOverviewDto, PlanDto } from '@pf/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, listingMeaning, planPrice, SUBSCRIPTION_STATUS } from '@/lib/billing';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { InvoicesTable } from './invoices-table';

const fail = (error: unknown) => {
  const info = apiErrorInfo(error);
  toast.error(info.requestId ? `${info.message} (reference ${info.requestId})` : info.message);
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase text-gray-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-gray-900">{value}</dd>
    </div>
  );
}

function PlanChoice({
  plans,
  onSubscribe,
  pending,
}: {
  plans: PlanDto[];
  onSubscribe: (planId: string) => void;
  pending: boolean;
}) {
  if (plans.length === 0)
    return <p className="text-sm text-gray-600">No plan is on sale yet. Contact PackFinderz support.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {plans.map((plan) => (
        <div key={plan.id} className="rounded-lg border border-gray-200 p-4" data-testid="plan">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-base font-semibold text-gray-900">{plan.name}</h3>
            {plan.isDefault ? <Badge tone="info">Recommended</Badge> : null}
          </div>
          <p className="mt-1 text-lg font-semibold text-gray-900">{planPrice(plan)}</p>
          {plan.trialDays > 0 ? <p className="text-sm text-gray-600">{plan.trialDays}-day free trial</p> : null}
          {plan.features.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-gray-700">
              {plan.features.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
          ) : null}
          <Button className="mt-4 w-full" onClick={() => onSubscribe(plan.id)} disabled={pending}>
            {pending ? 'Opening checkout…' : `Subscribe to ${plan.name}`}
          </Button>
        </div>
      ))}
    </div>
  );
}

/** The vendor billing page: plan, status, next charge, trial end, invoices; subscribe, manage, cancel. */
export function BillingConsole({ initial }: { initial: BillingOverviewDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: overview = initial } = useQuery({ ...trpc.billing.overview.queryOptions(), initialData: initial });
  const [leaving, setLeaving] = useState(false);
  const go = (url: string) => {
    setLeaving(true);
    window.location.assign(url);
  };
  const update = (next: BillingOverviewDto) => queryClient.setQueryData(trpc.billing.overview.queryKey(), next);
  const subscribe = useMutation(
    trpc.billing.subscribe.mutationOptions({ onSuccess: ({ url }) => go(url), onError: fail }),
  );
  const portal = useMutation(trpc.billing.portal.mutationOptions({ onSuccess: ({ url }) => go(url), onError: fail }));
  const cancel = useMutation(
    trpc.billing.cancel.mutationOptions({
      onSuccess: (next) => {
        update(next);
        toast.success('Your subscription will end at the close of this period.');
      },
      onError: fail,
    }),
  );
  const resume = useMutation(
    trpc.billing.resume.mutationOptions({
      onSuccess: (next) => {
        update(next);
        toast.success('Your subscription continues.');
      },
      onError: fail,
    }),
  );
  const failRenewal = useMutation(
    trpc.billing.simulator.failRenewal.mutationOptions({
      onSuccess: (next) => {
        update(next);
        toast.success('Renewal failed (simulated).');
      },
      onError: fail,
    }),
  );
  const sub = overview.subscription;
  const running =
    sub &&
    sub.status !== 'canceled' &&
    sub.status !== 'incomplete_expired' &&
    overview.listing.reason !== 'period_ended';
  const busy = leaving || subscribe.isPending || portal.isPending || cancel.isPending || resume.isPending;
  const status = sub ? SUBSCRIPTION_STATUS[sub.status] : null;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader className="flex flex-wrap items-center gap-2">
          <CardTitle>Subscription</CardTitle>
          {status && running ? <Badge tone={status.tone}>{status.label}</Badge> : <Badge tone="neutral">None</Badge>}
          <Badge tone={overview.listing.listed ? 'success' : 'pending'} data-testid="listing-badge">
            {overview.listing.listed ? 'Listed' : 'Not listed'}
          </Badge>
        </CardHeader>
        <CardBody className="space-y-4">
          <p className="text-sm text-gray-700" data-testid="listing-meaning">
            {listingMeaning(overview.listing.reason, overview.listing.graceEndsAt)}
          </p>
          {sub && running ? (
            <>
              <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <Fact label="Plan" value={sub.plan ? `${sub.plan.name} · ${planPrice(sub.plan)}` : 'Custom plan'} />
                <Fact
                  label="Current period"
                  value={`${formatDate(sub.currentPeriodStart)} – ${formatDate(sub.currentPeriodEnd)}`}
                />
                <Fact
                  label={sub.cancelAtPeriodEnd ? 'Ends on' : 'Next charge'}
                  value={sub.cancelAtPeriodEnd ? formatDate(sub.currentPeriodEnd) : formatDate(sub.nextChargeAt)}
                />
                <Fact label="Trial ends" value={sub.trialEnd ? formatDate(sub.trialEnd) : 'No trial'} />
              </dl>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => portal.mutate()} disabled={busy}>
                  Manage payment and invoices
                </Button>
                {sub.cancelAtPeriodEnd ? (
                  <Button onClick={() => resume.mutate()} disabled={busy}>
                    Keep my subscription
                  </Button>
                ) : (
                  <Button variant="ghost" onClick={() => cancel.mutate()} disabled={busy}>
                    Cancel at period end
                  </Button>
                )}
              </div>
            </>
          ) : (
            <PlanChoice plans={overview.plans} pending={busy} onSubscribe={(planId) => subscribe.mutate({ planId })} />
          )}
        </CardBody>
      </Card>

      {overview.provider === 'simulated' && sub && running ? (
        <Card>
          <CardHeader>
            <CardTitle>Simulated payments</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-wrap items-center gap-3 text-sm text-gray-600">
            <p className="min-w-0 flex-1">
              This installation uses the simulated payments provider: no card is charged. Try what a failed renewal
              does.
            </p>
            <Button variant="secondary" size="sm" onClick={() => failRenewal.mutate()} disabled={failRenewal.isPending}>
              Simulate a failed renewal
            </Button>
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Invoices</CardTitle>
        </CardHeader>
        <CardBody>
          <InvoicesTable charges={overview.charges} />
        </CardBody>
      </Card>
    </div>
  );
}
