import { z } from 'zod';
import { LISTING_REASONS } from '../billing/listing';
import {
  BILLING_INTERVALS,
  CHARGE_STATUSES,
  PAYMENTS_PROVIDERS,
  PLAN_STATUSES,
  SUBSCRIPTION_STATUSES,
} from '../billing/statuses';
import { KYC_STATUSES } from '../identity';
import { cleanText, uuidSchema } from '../text';

/** Largest plan price: $100,000 per interval, far above any real plan, well inside integer cents. */
export const MAX_PLAN_PRICE_CENTS = 10_000_000;
const wholeNumber = z.number().int('must be a whole number');
/** Stripe price ids look like `price_1Q…`; the simulated provider takes the same shape. */
const providerPriceId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,255}$/, 'must be a provider price id such as price_123');

export const planFieldsSchema = z.strictObject({
  name: cleanText(80),
  priceCents: wholeNumber.min(0, 'must not be negative').max(MAX_PLAN_PRICE_CENTS, 'is too large'),
  currency: z.literal('usd', { message: 'only usd is supported' }).default('usd'),
  interval: z.enum(BILLING_INTERVALS),
  trialDays: wholeNumber.min(0, 'must not be negative').max(365, 'must be at most 365').default(0),
  features: z.array(cleanText(120)).max(12, 'at most 12 features').default([]),
  providerPriceId: providerPriceId.nullish(),
  status: z.enum(PLAN_STATUSES).default('active'),
  isDefault: z.boolean().default(false),
});
export const createPlanInput = planFieldsSchema;
export type CreatePlanInput = z.output<typeof createPlanInput>;

export const updatePlanInput = z.strictObject({
  planId: uuidSchema,
  name: cleanText(80).optional(),
  priceCents: wholeNumber.min(0, 'must not be negative').max(MAX_PLAN_PRICE_CENTS, 'is too large').optional(),
  interval: z.enum(BILLING_INTERVALS).optional(),
  trialDays: wholeNumber.min(0, 'must not be negative').max(365, 'must be at most 365').optional(),
  features: z.array(cleanText(120)).max(12, 'at most 12 features').optional(),
  providerPriceId: providerPriceId.nullish(),
  status: z.enum(PLAN_STATUSES).optional(),
  isDefault: z.literal(true, { message: 'a default plan is replaced by making another plan the default' }).optional(),
});
export type UpdatePlanInput = z.output<typeof updatePlanInput>;

export const planDto = z.object({
  id: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  interval: z.enum(BILLING_INTERVALS),
  trialDays: z.number().int(),
  features: z.array(z.string()),
  isDefault: z.boolean(),
});
export type PlanDto = z.infer<typeof planDto>;

export const adminPlanDto = planDto.extend({
  status: z.enum(PLAN_STATUSES),
  providerPriceId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminPlanDto = z.infer<typeof adminPlanDto>;

export const listingDto = z.object({
  listed: z.boolean(),
  reason: z.enum(LISTING_REASONS),
  graceEndsAt: z.string().nullable(),
});
export type ListingDto = z.infer<typeof listingDto>;

export const subscriptionDto = z.object({
  id: z.string(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  plan: planDto.nullable(),
  currentPeriodStart: z.string().nullable(),
  currentPeriodEnd: z.string().nullable(),
  /** When the next renewal is charged; null once the subscription is set to end. */
  nextChargeAt: z.string().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  canceledAt: z.string().nullable(),
  trialEnd: z.string().nullable(),
});
export type SubscriptionDto = z.infer<typeof subscriptionDto>;

export const chargeDto = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(CHARGE_STATUSES),
  description: z.string().nullable(),
  billedAt: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** The provider's hosted invoice page, when it has one. */
  invoiceUrl: z.string().nullable(),
});
export type ChargeDto = z.infer<typeof chargeDto>;

export const billingOverviewDto = z.object({
  provider: z.enum(PAYMENTS_PROVIDERS),
  kycStatus: z.enum(KYC_STATUSES),
  listing: listingDto,
  subscription: subscriptionDto.nullable(),
  charges: z.array(chargeDto),
  plans: z.array(planDto),
  /** Whether the store has a provider customer, i.e. the portal can open. */
  hasCustomer: z.boolean(),
});
export type BillingOverviewDto = z.infer<typeof billingOverviewDto>;

export const subscribeInput = z.strictObject({ planId: uuidSchema.optional() }).prefault({});
export const redirectDto = z.object({ url: z.string() });

export const simulatedSessionInput = z.strictObject({
  sessionId: z.string().regex(/^cs_sim_[A-Za-z0-9]{8,64}$/, 'is not a checkout session id'),
});
export const simulatedCheckoutDto = z.object({
  sessionId: z.string(),
  status: z.enum(['open', 'complete']),
  storeName: z.string(),
  plan: planDto,
  successUrl: z.string(),
  cancelUrl: z.string(),
});
export type SimulatedCheckoutDto = z.infer<typeof simulatedCheckoutDto>;

export const adminBillingStoresInput = z
  .strictObject({
    q: z.string().trim().max(100).optional(),
    listed: z.boolean().optional(),
    limit: wholeNumber.min(1).max(100).default(50),
    cursor: z.string().min(1, 'is invalid').max(200, 'is invalid').nullish(),
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .prefault({});

export const adminBillingStoreDto = z.object({
  storeId: z.string(),
  name: z.string(),
  state: z.string(),
  kycStatus: z.enum(KYC_STATUSES),
  listed: z.boolean(),
  subscription: z
    .object({
      status: z.enum(SUBSCRIPTION_STATUSES),
      planName: z.string().nullable(),
      currentPeriodEnd: z.string().nullable(),
      cancelAtPeriodEnd: z.boolean(),
      graceEndsAt: z.string().nullable(),
    })
    .nullable(),
  override: z.object({ listed: z.boolean(), reason: z.string(), setAt: z.string() }).nullable(),
});
export type AdminBillingStoreDto = z.infer<typeof adminBillingStoreDto>;
export const adminBillingStoresPage = z.object({
  items: z.array(adminBillingStoreDto),
  nextCursor: z.string().nullable(),
});

export const setListingOverrideInput = z.strictObject({
  storeId: uuidSchema,
  /** `none` removes the override and lets the subscription decide again. */
  mode: z.enum(['listed', 'hidden', 'none']),
  reason: cleanText(500, 5),
});
export type SetListingOverrideInput = z.output<typeof setListingOverrideInput>;
