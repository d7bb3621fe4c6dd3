import { providerInvoiceOf, providerSubscriptionOf, type StripeEventEnvelope } from '@pf/adapters';
import { billingWebhookEvents } from '@pf/db';
import { AppError } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { applyInvoice, applySubscriptionSnapshot, type MirrorOutcome, SNAPSHOT_RANK } from './mirror';

export type WebhookOutcome = MirrorOutcome | 'duplicate' | 'ignored';

const SUBSCRIPTION_EVENTS: Record<string, number> = {
  'customer.subscription.created': SNAPSHOT_RANK.created,
  'customer.subscription.updated': SNAPSHOT_RANK.updated,
  'customer.subscription.paused': SNAPSHOT_RANK.updated,
  'customer.subscription.resumed': SNAPSHOT_RANK.updated,
  'customer.subscription.trial_will_end': SNAPSHOT_RANK.updated,
  'customer.subscription.pending_update_applied': SNAPSHOT_RANK.updated,
  'customer.subscription.pending_update_expired': SNAPSHOT_RANK.updated,
  'customer.subscription.deleted': SNAPSHOT_RANK.deleted,
};
const INVOICE_EVENTS: Record<string, boolean> = { 'invoice.paid': true, 'invoice.payment_failed': false };

/** Event types the webhook acts on; any other type is acknowledged (200) and ignored, as Stripe expects. */
export const HANDLED_STRIPE_EVENTS = [...Object.keys(SUBSCRIPTION_EVENTS), ...Object.keys(INVOICE_EVENTS)];

/** Parses the event's object, answering a malformed one as bad input (400) rather than a crash. */
function parsed<T>(parse: (json: unknown) => T, json: unknown, type: string): T {
  try {
    return parse(json);
  } catch (error) {
    throw new AppError('VALIDATION_ERROR', `${type} event carries a malformed object`, { cause: error });
  }
}

/**
 * Applies one verified provider event. The processed-event row and the event's effects commit in one
 * transaction: a redelivery (Stripe retries, or a replay) finds the row and changes nothing. Ordering between
 * events is settled by the subscription's own timeline (event time, then lifecycle rank), not arrival order.
 */
export async function processStripeEvent(deps: AppDeps, event: StripeEventEnvelope): Promise<WebhookOutcome> {
  const rank = SUBSCRIPTION_EVENTS[event.type];
  const paid = INVOICE_EVENTS[event.type];
  if (rank === undefined && paid === undefined) return 'ignored';
  const at = new Date(event.created * 1000);
  const subscription = rank === undefined ? null : parsed(providerSubscriptionOf, event.data.object, event.type);
  const invoice = paid === undefined ? null : parsed(providerInvoiceOf, event.data.object, event.type);
  return deps.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(billingWebhookEvents)
      .values({ providerEventId: event.id, type: event.type, outcome: 'processing', receivedAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning({ id: billingWebhookEvents.providerEventId });
    if (claimed.length === 0) return 'duplicate';
    const outcome: MirrorOutcome = subscription
      ? await applySubscriptionSnapshot(tx, deps, { snapshot: subscription, at, rank: rank ?? 0 })
      : invoice
        ? await applyInvoice(tx, deps, { invoice, paid: paid === true, at })
        : 'unmatched';
    await tx.update(billingWebhookEvents).set({ outcome }).where(eq(billingWebhookEvents.providerEventId, event.id));
    if (outcome === 'unmatched') {
      deps.logger.warn(
        { eventId: event.id, type: event.type },
        'stripe event for no store of ours: recorded, no effect',
      );
    }
    return outcome;
  });
}
