import { isStripeSignatureError, type StripeEventEnvelope, verifyStripeEvent } from '@pf/adapters';
import type { AppDeps } from '../deps';
import { processStripeEvent } from '../services/billing/webhook-events';

/** Stripe's own events are a few KB; anything near this is not from Stripe. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status });
const refuse = (status: number, code: string, message: string) => answer(status, { code, message });

class TooLarge extends Error {}

/** The raw body, read only up to the cap: the signature covers the exact bytes, so nothing may re-encode them. */
async function readCapped(request: Request): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared && /^\d+$/.test(declared) && Number(declared) > MAX_WEBHOOK_BYTES) throw new TooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const isEnvelope = (value: StripeEventEnvelope) =>
  typeof value?.id === 'string' &&
  typeof value.type === 'string' &&
  Number.isInteger(value.created) &&
  typeof value.data === 'object' &&
  value.data !== null &&
  'object' in value.data;

const isBadInput = (error: unknown) =>
  error instanceof Error && error.name === 'AppError' && (error as { code?: string }).code === 'VALIDATION_ERROR';

/**
 * `POST /api/webhooks/stripe` (apps/web mounts it; the simulated provider calls it in-process). Answers, as
 * Stripe documents: 200 once an event is applied, was applied before (replay), or is of a type we do not
 * handle (ignored); 400 for a missing, wrong, tampered or stale signature (logged) and for a signed body
 * that is not a Stripe event; 413 above 5 MB. Only an unexpected failure answers 500, so Stripe retries.
 */
export async function handleStripeWebhook(deps: AppDeps, request: Request): Promise<Response> {
  let rawBody: string;
  try {
    rawBody = await readCapped(request);
  } catch (error) {
    if (error instanceof TooLarge) {
      deps.logger.warn({ limitBytes: MAX_WEBHOOK_BYTES }, 'stripe webhook refused: body too large');
      return refuse(413, 'PAYLOAD_TOO_LARGE', 'Webhook bodies are limited to 5 MB.');
    }
    return refuse(400, 'VALIDATION_ERROR', 'The request body could not be read.');
  }
  const signature = request.headers.get('stripe-signature');
  if (!signature) {
    deps.logger.warn({ bytes: rawBody.length }, 'stripe webhook refused: no Stripe-Signature header');
    return refuse(400, 'SIGNATURE_INVALID', 'Missing Stripe-Signature header.');
  }
  let event: StripeEventEnvelope;
  try {
    event = verifyStripeEvent({
      rawBody,
      signatureHeader: signature,
      secret: deps.stripeWebhookSecret,
      now: deps.clock.now(),
      toleranceSeconds: deps.config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    });
  } catch (error) {
    if (isStripeSignatureError(error)) {
      deps.logger.warn(
        { reason: (error as Error).message, bytes: rawBody.length },
        'stripe webhook refused: signature does not verify',
      );
      return refuse(400, 'SIGNATURE_INVALID', 'The webhook signature does not verify.');
    }
    return refuse(400, 'VALIDATION_ERROR', 'The webhook body is not valid JSON.');
  }
  if (!isEnvelope(event)) return refuse(400, 'VALIDATION_ERROR', 'The webhook body is not a Stripe event.');
  try {
    const outcome = await processStripeEvent(deps, event);
    deps.logger.info({ eventId: event.id, type: event.type, outcome }, 'stripe webhook handled');
    return answer(200, { received: true, outcome });
  } catch (error) {
    if (isBadInput(error)) {
      deps.logger.warn({ err: error, eventId: event.id, type: event.type }, 'stripe webhook refused: malformed event');
      return refuse(400, 'VALIDATION_ERROR', (error as Error).message);
    }
    deps.logger.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook failed');
    return refuse(500, 'INTERNAL_ERROR', 'The event could not be processed; it will be retried.');
  }
}
