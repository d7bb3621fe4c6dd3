import { createHash } from 'node:crypto';
import { createSimulatedPayments, createStripePayments, type SimulatedPayments } from '@pf/adapters';
import type { Database } from '@pf/db';
import type { Clock, PaymentsProvider } from '@pf/domain';
import type { Config } from './config';

/** App path of the simulated provider's "Pay now" page (apps/web). */
export const simulatedCheckoutPath = (sessionId: string) => `/vendor/billing/checkout/${sessionId}`;

/**
 * The secret webhooks are verified with: Stripe's endpoint secret, or, for the simulated provider (which signs
 * its own deliveries), one derived from the auth secret so nobody has to configure it.
 */
export const stripeWebhookSecretFor = (config: Config, authSecret: string) =>
  config.STRIPE_WEBHOOK_SECRET ??
  `whsec_${createHash('sha256').update(`simulated-payments-webhook:${authSecret}`).digest('base64url')}`;

/** The adapter PAYMENTS_PROVIDER names (config guarantees Stripe's key and webhook secret are then set). */
export function createPaymentsFromConfig(
  config: Config,
  input: {
    db: Database;
    clock: Clock;
    authSecret: string;
    deliver: (payload: string, signature: string) => Promise<void>;
  },
): PaymentsProvider {
  if (config.PAYMENTS_PROVIDER === 'stripe' && config.STRIPE_SECRET_KEY) {
    const base = config.STRIPE_API_BASE_URL ? new URL(config.STRIPE_API_BASE_URL) : null;
    return createStripePayments({
      secretKey: config.STRIPE_SECRET_KEY,
      ...(base
        ? {
            host: base.hostname,
            port: Number(base.port || (base.protocol === 'http:' ? 80 : 443)),
            protocol: base.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
  }
  return createSimulatedPayments({
    db: input.db,
    clock: input.clock,
    webhookSecret: stripeWebhookSecretFor(config, input.authSecret),
    deliver: input.deliver,
    checkoutPath: simulatedCheckoutPath,
  });
}

/** The simulated provider, whose local pages this app serves; null with Stripe. */
export const simulatedPaymentsOf = (payments: PaymentsProvider): SimulatedPayments | null =>
  payments.kind === 'simulated' && 'completeCheckout' in payments ? (payments as SimulatedPayments) : null;
