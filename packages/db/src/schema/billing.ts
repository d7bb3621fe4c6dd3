import { BILLING_INTERVALS, CHARGE_STATUSES, PLAN_STATUSES, SUBSCRIPTION_STATUSES } from '@pf/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stores, users } from './identity';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const subscriptionStatus = pgEnum('subscription_status', SUBSCRIPTION_STATUSES);
export const chargeStatus = pgEnum('charge_status', CHARGE_STATUSES);
export const planStatus = pgEnum('plan_status', PLAN_STATUSES);
export const billingInterval = pgEnum('billing_interval', BILLING_INTERVALS);

/** The admin-managed plan catalogue (DOMAIN §2.23), each plan mapped to a provider price. */
export const billingPlans = pgTable(
  'billing_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    status: planStatus().notNull().default('active'),
    priceCents: integer().notNull(),
    currency: text().notNull().default('usd'),
    interval: billingInterval().notNull(),
    trialDays: integer().notNull().default(0),
    features: text().array().notNull().default(sql`'{}'::text[]`),
    /** Stripe `price_…` id; required to sell the plan through Stripe, unused by the simulated provider. */
    providerPriceId: text(),
    isDefault: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('billing_plans_provider_price_key').on(t.providerPriceId).where(sql`${t.providerPriceId} is not null`),
    // At most one default plan.
    uniqueIndex('billing_plans_default_key').on(t.isDefault).where(sql`${t.isDefault}`),
    index('billing_plans_status_idx').on(t.status),
  ],
);

/** A store's customer at the payments provider, created before its first checkout. */
export const billingCustomers = pgTable('billing_customers', {
  storeId: uuid()
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  provider: text({ enum: ['stripe', 'simulated'] }).notNull(),
  providerCustomerId: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The mirror of a store's provider subscription (one per store; a new subscription after an ended one
 * replaces it). Written only from provider state: signed webhooks, the reconcile job, and the answers of our
 * own cancel calls. `providerStateAt`/`providerStateRank` order snapshots, so a late older event never
 * overwrites a newer state.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .unique()
      .references(() => stores.id, { onDelete: 'cascade' }),
    planId: uuid().references(() => billingPlans.id, { onDelete: 'set null' }),
    provider: text({ enum: ['stripe', 'simulated'] }).notNull(),
    providerSubscriptionId: text().notNull().unique(),
    providerCustomerId: text().notNull(),
    status: subscriptionStatus().notNull(),
    priceId: text(),
    currentPeriodStart: timestamp({ withTimezone: true }),
    currentPeriodEnd: timestamp({ withTimezone: true }),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    canceledAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    trialEnd: timestamp({ withTimezone: true }),
    /** First failed renewal of the current dunning episode; null while payments are in order. */
    graceStartedAt: timestamp({ withTimezone: true }),
    providerStateAt: timestamp({ withTimezone: true }).notNull(),
    providerStateRank: integer().notNull().default(0),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index('subscriptions_status_idx').on(t.status, t.currentPeriodEnd)],
);

/** Billing history: one row per provider invoice (DOMAIN §2.23 `charges`). */
export const charges = pgTable(
  'charges',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    subscriptionId: uuid().references(() => subscriptions.id, { onDelete: 'set null' }),
    providerSubscriptionId: text(),
    providerInvoiceId: text().notNull().unique(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull().default('usd'),
    status: chargeStatus().notNull().default('pending'),
    description: text(),
    invoiceUrl: text(),
    periodStart: timestamp({ withTimezone: true }),
    periodEnd: timestamp({ withTimezone: true }),
    billedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('charges_store_billed_idx').on(t.storeId, t.createdAt.desc())],
);

/**
 * Provider webhook events already applied. The row is written in the transaction of the event's effects,
 * so a redelivered event finds it and changes nothing.
 */
export const billingWebhookEvents = pgTable('billing_webhook_events', {
  providerEventId: text().primaryKey(),
  type: text().notNull(),
  outcome: text().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A support override of the listing flag, with the reason (audited). Absent = the subscription decides. */
export const listingOverrides = pgTable('listing_overrides', {
  storeId: uuid()
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  listed: boolean().notNull(),
  reason: text().notNull(),
  setByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

/**
 * The simulated provider's own records (customers, checkout sessions, subscriptions, invoices, events), kept
 * in the database so a restart of the embedded app does not forget what was "paid". Stripe-shaped JSON.
 */
export const simulatedPaymentObjects = pgTable(
  'simulated_payment_objects',
  {
    id: text().primaryKey(),
    kind: text({
      enum: ['customer', 'checkout_session', 'subscription', 'invoice', 'event', 'portal_session'],
    }).notNull(),
    idempotencyKey: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('simulated_payment_objects_idempotency_key')
      .on(t.kind, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);
