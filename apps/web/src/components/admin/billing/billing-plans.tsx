'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { planPrice } from '@/lib/billing';
import { dollarsToCents } from '@/lib/catalog-format';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** The plan catalogue: what vendors can buy, each mapped to a Stripe price; one default. */
export function BillingPlans() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: plans = [] } = useQuery(trpc.admin.billing.plans.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.billing.plans.list.queryKey() });
  const onError = (error: unknown) => {
    const info = apiErrorInfo(error);
    toast.error(info.violations[0] ? `${info.violations[0].path}: ${info.violations[0].message}` : info.message);
  };
  const create = useMutation(
    trpc.admin.billing.plans.create.mutationOptions({
      onSuccess: async () => {
        toast.success('Plan created');
        await refresh();
      },
      onError,
    }),
  );
  const update = useMutation(trpc.admin.billing.plans.update.mutationOptions({ onSuccess: refresh, onError }));
  const [form, setForm] = useState({
    name: '',
    price: '',
    interval: 'month',
    trialDays: '0',
    providerPriceId: '',
    features: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceCents = dollarsToCents(form.price);
    if (priceCents === null) return toast.error('Enter the price in dollars, e.g. 99.00');
    create.mutate({
      name: form.name,
      priceCents,
      interval: form.interval as 'month' | 'year',
      trialDays: Number(form.trialDays) || 0,
      providerPriceId: form.providerPriceId.trim() || null,
      features: form.features
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    });
  };
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
  });
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white" data-testid="billing-plans">
        {plans.map((plan) => (
          <li key={plan.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
            <span className="font-medium text-gray-900">{plan.name}</span>
            <span className="text-gray-700">{planPrice(plan)}</span>
            {plan.trialDays > 0 ? <span className="text-gray-600">{plan.trialDays}-day trial</span> : null}
            {plan.isDefault ? <Badge tone="info">Default</Badge> : null}
            <Badge tone={plan.status === 'active' ? 'success' : 'neutral'}>{plan.status}</Badge>
            <span className="text-gray-500">{plan.providerPriceId ?? 'no Stripe price'}</span>
            <span className="ml-auto flex gap-2">
              {!plan.isDefault && plan.status === 'active' ? (
                <Button size="sm" variant="ghost" onClick={() => update.mutate({ planId: plan.id, isDefault: true })}>
                  Make default
                </Button>
              ) : null}
              {!plan.isDefault ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    update.mutate({ planId: plan.id, status: plan.status === 'active' ? 'hidden' : 'active' })
                  }
                >
                  {plan.status === 'active' ? 'Take off sale' : 'Put on sale'}
                </Button>
              ) : null}
            </span>
          </li>
        ))}
        {plans.length === 0 ? <li className="px-4 py-3 text-sm text-gray-600">No plans yet.</li> : null}
      </ul>
      <form
        onSubmit={submit}
        className="grid gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <Field label="Name" className="text-sm text-gray-700">
          <Input required maxLength={80} {...field('name')} />
        </Field>
        <Field label="Price (USD)" className="text-sm text-gray-700">
          <Input required inputMode="decimal" placeholder="99.00" {...field('price')} />
        </Field>
        <Field label="Interval" className="text-sm text-gray-700">
          <Select {...field('interval')}>
            <option value="month">Monthly</option>
            <option value="year">Yearly</option>
          </Select>
        </Field>
        <Field label="Trial days" className="text-sm text-gray-700">
          <Input type="number" min={0} max={365} {...field('trialDays')} />
        </Field>
        <Field label="Stripe price id" className="text-sm text-gray-700">
          <Input placeholder="price_…" {...field('providerPriceId')} />
        </Field>
        <Field label="Features (one per line)" className="text-sm text-gray-700 sm:col-span-2 lg:col-span-1">
          <textarea
            className="block min-h-10 w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
            {...field('features')}
          />
        </Field>
        <div className="sm:col-span-2 lg:col-span-3">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Add plan'}
          </Button>
        </div>
      </form>
    </div>
  );
}
