/** Billing vocabularies (DOMAIN §2.1, §2.23). Provider statuses are Stripe's, mirrored one to one. */
export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'unpaid',
  'paused',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Statuses a subscription never leaves: a store that wants to be listed again subscribes anew. */
export const ENDED_SUBSCRIPTION_STATUSES = ['canceled', 'incomplete_expired'] as const satisfies SubscriptionStatus[];

export const isSubscriptionStatus = (value: string): value is SubscriptionStatus =>
  (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);

export const isEndedStatus = (status: SubscriptionStatus) =>
  (ENDED_SUBSCRIPTION_STATUSES as readonly string[]).includes(status);

export const CHARGE_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

export const PLAN_STATUSES = ['active', 'deprecated', 'hidden'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Stripe's recurring intervals (DOMAIN's EVERY_30_DAYS/ANNUAL were Square's names). */
export const BILLING_INTERVALS = ['month', 'year'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const PAYMENTS_PROVIDERS = ['stripe', 'simulated'] as const;
export type PaymentsProviderKind = (typeof PAYMENTS_PROVIDERS)[number];
