import { randomBytes } from 'node:crypto';
import type { BillingInterval, CheckoutPlan } from '@pf/domain';
import { STRIPE_API_VERSION } from './stripe';

/** Stripe-shaped JSON the simulated provider keeps and sends: the same fields Stripe's objects have. */
export type Json = Record<string, unknown>;

export const simulatedId = (prefix: string) => `${prefix}_sim_${randomBytes(12).toString('hex')}`;
export const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** The end of a billing period that starts at `start` (calendar months and years, in UTC). */
export function periodEnd(start: Date, interval: BillingInterval): Date {
  const end = new Date(start);
  if (interval === 'year') end.setUTCFullYear(end.getUTCFullYear() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

export interface SimulatedSubscriptionState {
  id: string;
  customer: string;
  status: string;
  plan: CheckoutPlan;
  storeId: string;
  periodStart: number;
  periodEnd: number;
  cancelAtPeriodEnd: boolean;
  canceledAt: number | null;
  endedAt: number | null;
  trialEnd: number | null;
  created: number;
  latestInvoice: string | null;
}

export const subscriptionJson = (s: SimulatedSubscriptionState): Json => ({
  id: s.id,
  object: 'subscription',
  customer: s.customer,
  status: s.status,
  cancel_at_period_end: s.cancelAtPeriodEnd,
  canceled_at: s.canceledAt,
  ended_at: s.endedAt,
  trial_start: s.trialEnd ? s.created : null,
  trial_end: s.trialEnd,
  created: s.created,
  start_date: s.created,
  currency: s.plan.currency,
  collection_method: 'charge_automatically',
  latest_invoice: s.latestInvoice,
  livemode: false,
  metadata: { store_id: s.storeId, plan_id: s.plan.planId },
  items: {
    object: 'list',
    data: [
      {
        id: `si_${s.id.slice(4)}`,
        object: 'subscription_item',
        quantity: 1,
        current_period_start: s.periodStart,
        current_period_end: s.periodEnd,
        price: {
          id: s.plan.priceId,
          object: 'price',
          unit_amount: s.plan.amountCents,
          currency: s.plan.currency,
          recurring: { interval: s.plan.interval, interval_count: 1 },
        },
      },
    ],
  },
});

export function invoiceJson(input: {
  subscription: SimulatedSubscriptionState;
  amountCents: number;
  paid: boolean;
  billingReason: 'subscription_create' | 'subscription_cycle';
  at: number;
  attemptCount: number;
}): Json {
  const { subscription: s, amountCents, paid, at } = input;
  const dollars = (s.plan.amountCents / 100).toFixed(2);
  return {
    id: simulatedId('in'),
    object: 'invoice',
    customer: s.customer,
    status: paid ? 'paid' : 'open',
    billing_reason: input.billingReason,
    amount_due: amountCents,
    amount_paid: paid ? amountCents : 0,
    amount_remaining: paid ? 0 : amountCents,
    currency: s.plan.currency,
    created: at,
    period_start: s.periodStart,
    period_end: s.periodEnd,
    attempt_count: input.attemptCount,
    attempted: true,
    description: null,
    hosted_invoice_url: null,
    livemode: false,
    status_transitions: { finalized_at: at, paid_at: paid ? at : null, voided_at: null, marked_uncollectible_at: null },
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: s.id, metadata: { store_id: s.storeId, plan_id: s.plan.planId } },
    },
    lines: {
      object: 'list',
      data: [{ description: `1 × ${s.plan.name} (at $${dollars} / ${s.plan.interval})`, amount: amountCents }],
    },
  };
}

/** An event exactly as Stripe delivers it to a webhook endpoint. */
export const eventJson = (type: string, object: Json, at: number): Json => ({
  id: simulatedId('evt'),
  object: 'event',
  api_version: STRIPE_API_VERSION,
  created: at,
  type,
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  data: { object },
});
