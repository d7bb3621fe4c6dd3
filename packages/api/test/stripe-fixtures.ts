import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/**
 * Stripe webhook fixtures written from Stripe's documented object shapes (API 2026-10-28), not from our
 * adapters, and signed with the SDK's own test-header helper.
 */
export const WEBHOOK_SECRET = 'whsec_fixture_secret_for_tests';
const id = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;
export const unix = (at: Date) => Math.floor(at.getTime() / 1000);

export interface SubscriptionFixture {
  id: string;
  customer: string;
  storeId: string;
  status: string;
  start: Date;
  end: Date;
  cancelAtPeriodEnd?: boolean;
  priceId?: string;
}

export const subscriptionObject = (s: SubscriptionFixture) => ({
  id: s.id,
  object: 'subscription',
  customer: s.customer,
  status: s.status,
  cancel_at_period_end: s.cancelAtPeriodEnd ?? false,
  canceled_at: s.cancelAtPeriodEnd || s.status === 'canceled' ? unix(s.start) : null,
  ended_at: s.status === 'canceled' ? unix(s.end) : null,
  trial_end: null,
  created: unix(s.start),
  metadata: { store_id: s.storeId },
  items: {
    object: 'list',
    data: [
      {
        id: id('si'),
        object: 'subscription_item',
        current_period_start: unix(s.start),
        current_period_end: unix(s.end),
        price: { id: s.priceId ?? 'price_fixture', object: 'price' },
      },
    ],
  },
});

export const invoiceObject = (input: {
  subscriptionId: string;
  customer: string;
  storeId: string;
  amountCents: number;
  paid: boolean;
  at: Date;
  invoiceId?: string;
}) => ({
  id: input.invoiceId ?? id('in'),
  object: 'invoice',
  customer: input.customer,
  status: input.paid ? 'paid' : 'open',
  amount_due: input.amountCents,
  amount_paid: input.paid ? input.amountCents : 0,
  currency: 'usd',
  created: unix(input.at),
  period_start: unix(input.at),
  period_end: unix(input.at) + 30 * 86_400,
  hosted_invoice_url: 'https://invoice.stripe.com/i/fixture',
  status_transitions: { paid_at: input.paid ? unix(input.at) : null },
  parent: {
    type: 'subscription_details',
    subscription_details: { subscription: input.subscriptionId, metadata: { store_id: input.storeId } },
  },
  lines: { object: 'list', data: [{ description: '1 × Vendor Standard (at $99.00 / month)' }] },
});

export const eventOf = (type: string, object: unknown, created: Date, eventId = id('evt')) => ({
  id: eventId,
  object: 'event',
  api_version: '2026-10-28.endive',
  created: unix(created),
  type,
  livemode: false,
  data: { object },
});

/** The body and header Stripe would send, signed at `signedAt` with `secret`. */
export function signed(event: unknown, signedAt: Date, secret = WEBHOOK_SECRET) {
  const body = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: unix(signedAt) });
  return { body, header };
}

export const webhookRequest = (body: BodyInit, header?: string, extra: Record<string, string> = {}) =>
  new Request('http://localhost/api/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { 'stripe-signature': header } : {}), ...extra },
    body,
  });
