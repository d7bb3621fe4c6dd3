import type { ProviderSubscription } from '@pf/domain';
import { z } from 'zod';

/**
 * The few fields of Stripe's subscription and invoice objects this system reads (API version pinned in
 * STRIPE_API_VERSION). Parsed, not trusted: an object without them is refused as malformed, never half-read.
 * Since API 2025-03-31 the billing period lives on the subscription items, and an invoice names its
 * subscription under `parent.subscription_details`.
 */
const seconds = z.number().int().nonnegative();
const idOf = z.union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((object) => object.id)]);
const metadata = z.record(z.string(), z.string()).nullish();
const toDate = (value: number | null | undefined) =>
  value === null || value === undefined ? null : new Date(value * 1000);

const subscriptionItem = z.object({
  current_period_start: seconds.nullish(),
  current_period_end: seconds.nullish(),
  price: z.object({ id: z.string() }).nullish(),
});

export const stripeSubscriptionSchema = z.object({
  id: z.string().min(1),
  object: z.literal('subscription'),
  customer: idOf,
  status: z.string().min(1),
  cancel_at_period_end: z.boolean(),
  canceled_at: seconds.nullish(),
  ended_at: seconds.nullish(),
  trial_end: seconds.nullish(),
  created: seconds,
  metadata,
  items: z.object({ data: z.array(subscriptionItem) }),
});
export type StripeSubscriptionJson = z.input<typeof stripeSubscriptionSchema>;

/** A Stripe subscription object as the port's provider-neutral snapshot. */
export function providerSubscriptionOf(json: unknown): ProviderSubscription {
  const sub = stripeSubscriptionSchema.parse(json);
  const items = sub.items.data;
  // One price per subscription here; with several items the period is the span they cover.
  const starts = items.map((item) => item.current_period_start).filter((value) => typeof value === 'number');
  const ends = items.map((item) => item.current_period_end).filter((value) => typeof value === 'number');
  return {
    id: sub.id,
    customerId: sub.customer,
    status: sub.status,
    priceId: items[0]?.price?.id ?? null,
    currentPeriodStart: starts.length ? toDate(Math.max(...starts)) : null,
    currentPeriodEnd: ends.length ? toDate(Math.min(...ends)) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    canceledAt: toDate(sub.canceled_at),
    endedAt: toDate(sub.ended_at),
    trialEnd: toDate(sub.trial_end),
    createdAt: new Date(sub.created * 1000),
    metadata: sub.metadata ?? {},
  };
}

export const stripeInvoiceSchema = z.object({
  id: z.string().min(1),
  object: z.literal('invoice'),
  customer: idOf.nullish(),
  amount_due: z.number().int(),
  amount_paid: z.number().int(),
  currency: z.string().min(3),
  description: z.string().nullish(),
  hosted_invoice_url: z.string().nullish(),
  period_start: seconds.nullish(),
  period_end: seconds.nullish(),
  created: seconds,
  status_transitions: z.object({ paid_at: seconds.nullish() }).nullish(),
  parent: z
    .object({
      subscription_details: z.object({ subscription: idOf, metadata }).nullish(),
    })
    .nullish(),
  lines: z.object({ data: z.array(z.object({ description: z.string().nullish() })) }).nullish(),
});

export interface ProviderInvoice {
  id: string;
  customerId: string | null;
  subscriptionId: string | null;
  storeIdHint: string | null;
  amountDueCents: number;
  amountPaidCents: number;
  currency: string;
  description: string | null;
  invoiceUrl: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  createdAt: Date;
  paidAt: Date | null;
}

export function providerInvoiceOf(json: unknown): ProviderInvoice {
  const invoice = stripeInvoiceSchema.parse(json);
  const details = invoice.parent?.subscription_details;
  return {
    id: invoice.id,
    customerId: invoice.customer ?? null,
    subscriptionId: details?.subscription ?? null,
    storeIdHint: details?.metadata?.store_id ?? null,
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    currency: invoice.currency.toLowerCase(),
    description: invoice.description ?? invoice.lines?.data[0]?.description ?? null,
    invoiceUrl: invoice.hosted_invoice_url ?? null,
    periodStart: toDate(invoice.period_start),
    periodEnd: toDate(invoice.period_end),
    createdAt: new Date(invoice.created * 1000),
    paidAt: toDate(invoice.status_transitions?.paid_at),
  };
}
