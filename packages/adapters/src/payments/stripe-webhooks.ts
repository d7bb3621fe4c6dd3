import Stripe from 'stripe';

/** Stripe's default: a signed event older than 5 minutes is refused as a possible replay. */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripeEventEnvelope {
  id: string;
  type: string;
  created: number;
  data: { object: unknown };
}

/**
 * Checks the `Stripe-Signature` header against the raw body with the SDK (HMAC-SHA256 over
 * `timestamp.body`, constant-time compare, timestamp within the tolerance of `now`), then parses the event.
 * Throws Stripe's `StripeSignatureVerificationError` for a bad or stale signature, and a SyntaxError for a
 * signed body that is not JSON.
 */
export function verifyStripeEvent(input: {
  rawBody: string;
  signatureHeader: string;
  secret: string;
  now: Date;
  toleranceSeconds?: number;
}): StripeEventEnvelope {
  const event = Stripe.webhooks.constructEvent(
    input.rawBody,
    input.signatureHeader,
    input.secret,
    input.toleranceSeconds ?? STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    undefined,
    // The SDK takes the receive time in milliseconds (and divides it itself).
    input.now.getTime(),
  );
  return event as unknown as StripeEventEnvelope;
}

export const isStripeSignatureError = (error: unknown) =>
  error instanceof Stripe.errors.StripeSignatureVerificationError ||
  (error instanceof Error && error.name === 'StripeSignatureVerificationError');

/** The header Stripe would send with `payload`, signed by the SDK (the simulated provider delivers with it). */
export const signStripePayload = (payload: string, secret: string, at: Date) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(at.getTime() / 1000) });
