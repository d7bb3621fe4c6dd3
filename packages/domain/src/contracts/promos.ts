import { z } from 'zod';
import { BPS_PER_WHOLE, MAX_PROMO_CENTS, PROMO_KINDS } from '../commerce/enums';
import { uuidSchema } from '../text';

/** Codes are compared case-insensitively: stored and matched upper-case. */
export const promoCodeSchema = z
  .string('must be text')
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" or "_"')
  .transform((code) => code.toUpperCase());

const cents = (min: number) =>
  z
    .number('must be a number')
    .int('must be whole cents')
    .min(min, `must be at least ${min}`)
    .max(MAX_PROMO_CENTS, `must be at most ${MAX_PROMO_CENTS}`);
const percentBps = z
  .number('must be a number')
  .int('must be whole basis points')
  .min(1, 'must be at least 1 (0.01 %)')
  .max(BPS_PER_WHOLE, `must be at most ${BPS_PER_WHOLE} (100 %)`);
const usageLimit = z.number('must be a number').int('must be a whole number').min(1).max(1_000_000);
const expiresAt = z.iso.datetime({ offset: true, message: 'must be a date-time with a time zone' });

const promoTerms = {
  code: promoCodeSchema,
  /** Applies only when the vendor group's subtotal after volume discounts reaches this. */
  minSubtotalCents: cents(0).default(0),
  /** Null: unlimited. Counted at checkout, once per order that used the code. */
  usageLimit: usageLimit.nullable().default(null),
  /** Must be in the future; null: never expires. */
  expiresAt: expiresAt.nullable().default(null),
  active: z.boolean().default(true),
};

export const createPromoInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percentBps, ...promoTerms }),
  z.strictObject({ kind: z.literal('fixed'), amountCents: cents(1), ...promoTerms }),
]);
export type CreatePromoInput = z.input<typeof createPromoInput>;
export type CreatePromoData = z.output<typeof createPromoInput>;

/** The code and kind are fixed once created; the value must match the kind (percentBps for percent). */
export const updatePromoInput = z.strictObject({
  promoId: uuidSchema,
  percentBps: percentBps.optional(),
  amountCents: cents(1).optional(),
  minSubtotalCents: cents(0).optional(),
  usageLimit: usageLimit.nullable().optional(),
  expiresAt: expiresAt.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdatePromoInput = z.infer<typeof updatePromoInput>;

/** Ends a promo now: inactive and expired at the current time. Repeating it changes nothing. */
export const promoIdInput = z.strictObject({ promoId: uuidSchema });

export const PROMO_STATES = ['live', 'inactive', 'expired', 'exhausted'] as const;
export type PromoState = (typeof PROMO_STATES)[number];

export const promoDto = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(PROMO_KINDS),
  percentBps: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  minSubtotalCents: z.number().int(),
  usageLimit: z.number().int().nullable(),
  usedCount: z.number().int(),
  active: z.boolean(),
  expiresAt: z.string().nullable(),
  /** Whether a buyer could use it right now, and if not, why. */
  state: z.enum(PROMO_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PromoDto = z.infer<typeof promoDto>;

export const promoListDto = z.object({ items: z.array(promoDto) });
export type PromoListDto = z.infer<typeof promoListDto>;
