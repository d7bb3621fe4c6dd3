import { type Database, simulatedPaymentObjects } from '@pf/db';
import type { CheckoutPlan, Clock, PaymentsProvider, ProviderSubscription } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import {
  eventJson,
  invoiceJson,
  type Json,
  periodEnd,
  type SimulatedSubscriptionState,
  simulatedId,
  subscriptionJson,
  unix,
} from './simulated-objects';
import { providerSubscriptionOf } from './stripe-objects';
import { signStripePayload } from './stripe-webhooks';

type Kind = (typeof simulatedPaymentObjects.$inferSelect)['kind'];

export interface SimulatedCheckoutSession {
  id: string;
  status: 'open' | 'complete';
  customer: string;
  storeId: string;
  plan: CheckoutPlan;
  successUrl: string;
  cancelUrl: string;
  subscriptionId: string | null;
  /** Events of the completion, kept so a retried completion redelivers the same ones (same ids). */
  eventIds: string[];
}

export interface SimulatedPaymentsOptions {
  db: Database;
  clock: Clock;
  /** Signs deliveries exactly as Stripe signs them, with the secret the webhook route verifies against. */
  webhookSecret: string;
  /** Posts one signed event to the webhook route; throws unless the route accepted it (2xx). */
  deliver(payload: string, signatureHeader: string): Promise<void>;
  /** Where the local "Pay now" page of a session lives (an app path). */
  checkoutPath(sessionId: string): string;
}

/** The simulated provider plus what its local pages drive: paying a checkout and failing a renewal. */
export interface SimulatedPayments extends PaymentsProvider {
  readonly kind: 'simulated';
  getCheckoutSession(sessionId: string): Promise<SimulatedCheckoutSession | null>;
  /** "Pay now": the subscription starts at once and its webhooks are delivered before this returns. */
  completeCheckout(sessionId: string): Promise<ProviderSubscription>;
  /** The next renewal's charge fails: `invoice.payment_failed`, then the subscription goes `past_due`. */
  failRenewal(subscriptionId: string): Promise<ProviderSubscription>;
}

/** Renewals the provider would have made while nobody looked (a long-stopped demo): caught up in one go. */
const MAX_CATCH_UP_PERIODS = 24;

/**
 * The embedded and demo payments provider: no network and no card, but the same conversation as Stripe. It
 * keeps Stripe-shaped objects in Postgres and tells the app about every change through Stripe-signed
 * webhooks to the same route Stripe calls, so the mirror, the listing flag and the notifications run the
 * production code path. Time-driven changes (renewal, the end of a canceled period) happen when the
 * subscription is next read, as the reconcile job does.
 */
export function createSimulatedPayments(options: SimulatedPaymentsOptions): SimulatedPayments {
  const { db, clock } = options;

  async function load<T>(id: string, kind: Kind): Promise<T | null> {
    const [row] = await db
      .select({ data: simulatedPaymentObjects.data })
      .from(simulatedPaymentObjects)
      .where(and(eq(simulatedPaymentObjects.id, id), eq(simulatedPaymentObjects.kind, kind)));
    return (row?.data as T | undefined) ?? null;
  }

  async function save(id: string, kind: Kind, data: object) {
    const now = clock.now();
    await db
      .insert(simulatedPaymentObjects)
      .values({ id, kind, data: data as Json, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: simulatedPaymentObjects.id, set: { data: data as Json, updatedAt: now } });
  }

  /** Runs `create` once per (kind, idempotency key): a repeat returns the first result, as Stripe does. */
  async function once<T extends { id: string }>(kind: Kind, idempotencyKey: string, create: () => T): Promise<T> {
    const existing = async () => {
      const [row] = await db
        .select({ data: simulatedPaymentObjects.data })
        .from(simulatedPaymentObjects)
        .where(and(eq(simulatedPaymentObjects.kind, kind), eq(simulatedPaymentObjects.idempotencyKey, idempotencyKey)));
      return (row?.data as T | undefined) ?? null;
    };
    const found = await existing();
    if (found) return found;
    const created = create();
    const now = clock.now();
    await db
      .insert(simulatedPaymentObjects)
      .values({
        id: created.id,
        kind,
        idempotencyKey,
        data: created as unknown as Json,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    return (await existing()) ?? created;
  }

  async function deliverStored(eventIds: readonly string[]) {
    for (const eventId of eventIds) {
      const event = await load<Json>(eventId, 'event');
      if (!event) continue;
      const payload = JSON.stringify(event, null, 2);
      await options.deliver(payload, signStripePayload(payload, options.webhookSecret, clock.now()));
    }
  }

  /** Records events (in order) and delivers them. */
  async function announce(events: Json[]) {
    for (const event of events) await save(String(event.id), 'event', event);
    await deliverStored(events.map((event) => String(event.id)));
  }

  const snapshotOf = (state: SimulatedSubscriptionState) => providerSubscriptionOf(subscriptionJson(state));

  async function subscriptionState(id: string) {
    const state = await load<SimulatedSubscriptionState>(id, 'subscription');
    if (!state) throw new Error(`no such simulated subscription: ${id}`);
    return state;
  }

  /** Applies what time has done to a subscription since it was last read: renewals, a scheduled end. */
  async function catchUp(state: SimulatedSubscriptionState): Promise<SimulatedSubscriptionState> {
    const now = unix(clock.now());
    const events: Json[] = [];
    let next = state;
    for (let i = 0; i < MAX_CATCH_UP_PERIODS; i++) {
      const running = next.status === 'active' || next.status === 'trialing';
      if (!running || now < next.periodEnd) break;
      if (next.cancelAtPeriodEnd) {
        next = { ...next, status: 'canceled', endedAt: next.periodEnd, canceledAt: next.canceledAt ?? now };
        events.push(eventJson('customer.subscription.deleted', subscriptionJson(next), now));
        break;
      }
      const start = next.periodEnd;
      next = {
        ...next,
        status: 'active',
        periodStart: start,
        periodEnd: unix(periodEnd(new Date(start * 1000), next.plan.interval)),
      };
      const invoice = invoiceJson({
        subscription: next,
        amountCents: next.plan.amountCents,
        paid: true,
        billingReason: 'subscription_cycle',
        at: now,
        attemptCount: 1,
      });
      next = { ...next, latestInvoice: String(invoice.id) };
      await save(String(invoice.id), 'invoice', invoice);
      events.push(eventJson('invoice.paid', invoice, now));
      events.push(eventJson('customer.subscription.updated', subscriptionJson(next), now));
    }
    if (events.length === 0) return state;
    await save(next.id, 'subscription', next);
    await announce(events);
    return next;
  }

  return {
    kind: 'simulated',
    async createCustomer({ storeId, name, email, idempotencyKey }) {
      const customer = await once('customer', idempotencyKey, () => ({
        id: simulatedId('cus'),
        object: 'customer',
        name,
        email,
        metadata: { store_id: storeId },
      }));
      return { customerId: customer.id };
    },
    async createCheckoutSession({ customerId, storeId, plan, successUrl, cancelUrl, idempotencyKey }) {
      const session = await once<SimulatedCheckoutSession>('checkout_session', idempotencyKey, () => ({
        id: simulatedId('cs'),
        status: 'open',
        customer: customerId,
        storeId,
        plan,
        successUrl,
        cancelUrl,
        subscriptionId: null,
        eventIds: [],
      }));
      return { sessionId: session.id, url: options.checkoutPath(session.id) };
    },
    async createPortalSession({ returnUrl, idempotencyKey }) {
      // No hosted portal here: the billing page itself offers the simulated provider's actions.
      await once('portal_session', idempotencyKey, () => ({ id: simulatedId('bps'), return_url: returnUrl }));
      const url = new URL(returnUrl, 'http://simulated.invalid');
      url.searchParams.set('portal', 'simulated');
      return { url: returnUrl.startsWith('/') ? `${url.pathname}${url.search}` : url.toString() };
    },
    async getSubscription(subscriptionId) {
      const state = await load<SimulatedSubscriptionState>(subscriptionId, 'subscription');
      return state ? snapshotOf(await catchUp(state)) : null;
    },
    async setCancelAtPeriodEnd({ subscriptionId, cancelAtPeriodEnd }) {
      const state = await catchUp(await subscriptionState(subscriptionId));
      // A repeat (same key or not) finds the change made and answers the current state, changing nothing.
      if (state.status === 'canceled' || state.cancelAtPeriodEnd === cancelAtPeriodEnd) return snapshotOf(state);
      const now = unix(clock.now());
      const next = { ...state, cancelAtPeriodEnd, canceledAt: cancelAtPeriodEnd ? now : null };
      await save(next.id, 'subscription', next);
      await announce([eventJson('customer.subscription.updated', subscriptionJson(next), now)]);
      return snapshotOf(next);
    },
    getCheckoutSession: (sessionId) => load<SimulatedCheckoutSession>(sessionId, 'checkout_session'),
    async completeCheckout(sessionId) {
      const session = await load<SimulatedCheckoutSession>(sessionId, 'checkout_session');
      if (!session) throw new Error(`no such simulated checkout session: ${sessionId}`);
      if (session.status === 'complete' && session.subscriptionId) {
        await deliverStored(session.eventIds);
        return snapshotOf(await subscriptionState(session.subscriptionId));
      }
      const now = clock.now();
      const at = unix(now);
      const trialing = session.plan.trialDays > 0;
      const end = trialing
        ? unix(new Date(now.getTime() + session.plan.trialDays * 86_400_000))
        : unix(periodEnd(now, session.plan.interval));
      let state: SimulatedSubscriptionState = {
        id: simulatedId('sub'),
        customer: session.customer,
        status: trialing ? 'trialing' : 'active',
        plan: session.plan,
        storeId: session.storeId,
        periodStart: at,
        periodEnd: end,
        cancelAtPeriodEnd: false,
        canceledAt: null,
        endedAt: null,
        trialEnd: trialing ? end : null,
        created: at,
        latestInvoice: null,
      };
      // A trial starts with a $0 invoice, as Stripe's does.
      const invoice = invoiceJson({
        subscription: state,
        amountCents: trialing ? 0 : session.plan.amountCents,
        paid: true,
        billingReason: 'subscription_create',
        at,
        attemptCount: 1,
      });
      state = { ...state, latestInvoice: String(invoice.id) };
      const completed = { ...session, status: 'complete' as const, subscriptionId: state.id };
      const events = [
        eventJson(
          'checkout.session.completed',
          {
            id: session.id,
            object: 'checkout.session',
            mode: 'subscription',
            status: 'complete',
            customer: session.customer,
            subscription: state.id,
            client_reference_id: session.storeId,
          },
          at,
        ),
        eventJson('customer.subscription.created', subscriptionJson(state), at),
        eventJson('invoice.paid', invoice, at),
      ];
      completed.eventIds = events.map((event) => String(event.id));
      await save(state.id, 'subscription', state);
      await save(String(invoice.id), 'invoice', invoice);
      for (const event of events) await save(String(event.id), 'event', event);
      await save(session.id, 'checkout_session', completed);
      await deliverStored(completed.eventIds);
      return snapshotOf(state);
    },
    async failRenewal(subscriptionId) {
      const state = await catchUp(await subscriptionState(subscriptionId));
      if (state.status !== 'active' && state.status !== 'trialing' && state.status !== 'past_due') {
        throw new Error(`simulated subscription ${subscriptionId} is ${state.status}: nothing to renew`);
      }
      const now = unix(clock.now());
      const invoice = invoiceJson({
        subscription: state,
        amountCents: state.plan.amountCents,
        paid: false,
        billingReason: 'subscription_cycle',
        at: now,
        attemptCount: 1,
      });
      const next = { ...state, status: 'past_due', latestInvoice: String(invoice.id) };
      await save(String(invoice.id), 'invoice', invoice);
      await save(next.id, 'subscription', next);
      await announce([
        eventJson('invoice.payment_failed', invoice, now),
        eventJson('customer.subscription.updated', subscriptionJson(next), now),
      ]);
      return snapshotOf(next);
    },
  };
}
