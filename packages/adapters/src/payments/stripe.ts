import type { PaymentsProvider, ProviderSubscription } from '@pf/domain';
import Stripe from 'stripe';
import { providerSubscriptionOf } from './stripe-objects';

/**
 * The Stripe API version this code is written against. Pinned so that a Stripe-side default change never
 * changes the shapes we read; webhook endpoints must be created with the same version (README, Billing).
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

export interface StripePaymentsOptions {
  secretKey: string;
  /** API host override: tests point the SDK at a local fake Stripe server. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Network retries of the SDK (each retry reuses the call's idempotency key). */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/** Stripe behind the payments port: customers, Checkout in subscription mode, the Billing Portal. */
export function createStripePayments(options: StripePaymentsOptions): PaymentsProvider {
  const stripe = new Stripe(options.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    telemetry: false,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.protocol ? { protocol: options.protocol } : {}),
  });
  const snapshot = (subscription: unknown): ProviderSubscription => providerSubscriptionOf(subscription);

  return {
    kind: 'stripe',
    async createCustomer({ storeId, name, email, idempotencyKey }) {
      const customer = await stripe.customers.create(
        { name, ...(email ? { email } : {}), metadata: { store_id: storeId } },
        { idempotencyKey },
      );
      return { customerId: customer.id };
    },
    async createCheckoutSession({ customerId, storeId, plan, successUrl, cancelUrl, idempotencyKey }) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          customer: customerId,
          client_reference_id: storeId,
          line_items: [{ price: plan.priceId, quantity: 1 }],
          subscription_data: {
            metadata: { store_id: storeId, plan_id: plan.planId },
            ...(plan.trialDays > 0 ? { trial_period_days: plan.trialDays } : {}),
          },
          metadata: { store_id: storeId, plan_id: plan.planId },
          success_url: successUrl,
          cancel_url: cancelUrl,
        },
        { idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { sessionId: session.id, url: session.url };
    },
    async createPortalSession({ customerId, returnUrl, idempotencyKey }) {
      const session = await stripe.billingPortal.sessions.create(
        { customer: customerId, return_url: returnUrl },
        { idempotencyKey },
      );
      return { url: session.url };
    },
    async getSubscription(subscriptionId) {
      try {
        return snapshot(await stripe.subscriptions.retrieve(subscriptionId));
      } catch (error) {
        if (error instanceof Stripe.errors.StripeError && error.statusCode === 404) return null;
        throw error;
      }
    },
    async setCancelAtPeriodEnd({ subscriptionId, cancelAtPeriodEnd, idempotencyKey }) {
      return snapshot(
        await stripe.subscriptions.update(
          subscriptionId,
          { cancel_at_period_end: cancelAtPeriodEnd },
          { idempotencyKey },
        ),
      );
    },
  };
}
