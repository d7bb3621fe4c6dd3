import type { BillingInterval, PaymentsProviderKind } from './statuses';

/**
 * A subscription as the payments provider holds it, in the provider's own terms (Stripe's statuses and
 * times). Both adapters read it from a Stripe-shaped subscription object, so the webhook mirror, the
 * reconcile job and the contract tests see one shape.
 */
export interface ProviderSubscription {
  id: string;
  customerId: string;
  /** Provider status, unmapped: the mirror refuses one it does not know. */
  status: string;
  priceId: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  trialEnd: Date | null;
  createdAt: Date;
  metadata: Record<string, string>;
}

/** What the provider needs to know of the plan a checkout sells. */
export interface CheckoutPlan {
  planId: string;
  name: string;
  /** The provider's price id (Stripe `price_…`); the simulated provider accepts any. */
  priceId: string;
  amountCents: number;
  currency: string;
  interval: BillingInterval;
  trialDays: number;
}

/**
 * Payments port (ARCHITECTURE §2, DOMAIN §5.15). No card data ever reaches this system: checkout and card
 * changes happen on the provider's pages. Every write carries an idempotency key, so a retried request
 * never creates a second customer, session or change. Provider state reaches the database through signed
 * webhooks (both adapters deliver Stripe's event shape), never from these calls' answers alone.
 */
export interface PaymentsProvider {
  readonly kind: PaymentsProviderKind;
  createCustomer(input: {
    storeId: string;
    name: string;
    email: string | null;
    idempotencyKey: string;
  }): Promise<{ customerId: string }>;
  /** A hosted checkout in subscription mode; the subscription's metadata names the store and plan. */
  createCheckoutSession(input: {
    customerId: string;
    storeId: string;
    plan: CheckoutPlan;
    successUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ sessionId: string; url: string }>;
  /** The provider's portal for card changes, invoices and cancellation. */
  createPortalSession(input: {
    customerId: string;
    returnUrl: string;
    idempotencyKey: string;
  }): Promise<{ url: string }>;
  /** Null when the provider has no such subscription. */
  getSubscription(subscriptionId: string): Promise<ProviderSubscription | null>;
  setCancelAtPeriodEnd(input: {
    subscriptionId: string;
    cancelAtPeriodEnd: boolean;
    idempotencyKey: string;
  }): Promise<ProviderSubscription>;
}
