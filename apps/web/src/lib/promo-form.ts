import type { CreatePromoInput, PromoDto, PromoKind, UpdatePromoInput } from '@pf/domain';

/**
 * The promo form's values. Both kinds' values live side by side so switching kind keeps what was typed; the
 * request carries only the chosen kind's (the create contract is strict). Blank required numbers are NaN, which
 * the domain's schema reports as "must be a number"; a blank minimum is "no minimum", a blank limit "no limit".
 */
export interface PromoFormValues {
  code: string;
  kind: PromoKind;
  percentBps: number;
  amountCents: number;
  minSubtotalCents: number | null;
  usageLimit: number | null;
  /** ISO instant the code stops working; null: no end date. */
  expiresAt: string | null;
  active: boolean;
}

export function emptyPromoValues(): PromoFormValues {
  return {
    code: '',
    kind: 'percent',
    percentBps: Number.NaN,
    amountCents: Number.NaN,
    minSubtotalCents: null,
    usageLimit: null,
    expiresAt: null,
    active: true,
  };
}

/** A stored code as the form's starting values. */
export function promoValuesOf(promo: PromoDto): PromoFormValues {
  return {
    code: promo.code,
    kind: promo.kind,
    percentBps: promo.percentBps ?? Number.NaN,
    amountCents: promo.amountCents ?? Number.NaN,
    minSubtotalCents: promo.minSubtotalCents === 0 ? null : promo.minSubtotalCents,
    usageLimit: promo.usageLimit,
    expiresAt: promo.expiresAt,
    active: promo.active,
  };
}

/** The create request (also what the form's schema checks): only the chosen kind's value. */
export function createInputOf(values: PromoFormValues): CreatePromoInput {
  const terms = {
    code: values.code,
    minSubtotalCents: values.minSubtotalCents ?? 0,
    usageLimit: values.usageLimit,
    expiresAt: values.expiresAt,
    active: values.active,
  };
  return values.kind === 'percent'
    ? { kind: 'percent', percentBps: values.percentBps, ...terms }
    : { kind: 'fixed', amountCents: values.amountCents, ...terms };
}

/**
 * The update request for an edit: only what differs from what was loaded (code and kind never change), so a
 * save that touched nothing else cannot undo a change made meanwhile in another tab.
 */
export function updateInputOf(promoId: string, values: PromoFormValues, loaded: PromoFormValues): UpdatePromoInput {
  const input: UpdatePromoInput = { promoId };
  const next = createInputOf(values);
  const before = createInputOf(loaded);
  if (next.kind === 'percent' && before.kind === 'percent' && next.percentBps !== before.percentBps) {
    input.percentBps = next.percentBps;
  }
  if (next.kind === 'fixed' && before.kind === 'fixed' && next.amountCents !== before.amountCents) {
    input.amountCents = next.amountCents;
  }
  if (next.minSubtotalCents !== before.minSubtotalCents) input.minSubtotalCents = next.minSubtotalCents;
  if (next.usageLimit !== before.usageLimit) input.usageLimit = next.usageLimit ?? null;
  if (next.expiresAt !== before.expiresAt) input.expiresAt = next.expiresAt ?? null;
  if (next.active !== before.active) input.active = next.active;
  return input;
}

/** Whether an edit would send anything beyond the promo's id. */
export const hasPromoChanges = (input: UpdatePromoInput) => Object.keys(input).length > 1;

/**
 * The percentage field's error in percent words. The schema counts basis points ("at most 10000"), which the
 * vendor never types; its issue code (kept by the resolver as the error's type) says which rule failed.
 */
export function percentErrorText(error: { type?: unknown; message?: string } | undefined): string | undefined {
  if (!error) return undefined;
  if (error.type === 'too_big') return 'must be at most 100 %';
  if (error.type === 'too_small') return 'must be at least 0.01 %';
  if (error.type === 'invalid_type' || error.type === 'not_multiple_of') {
    return 'enter a percentage with at most two decimals, e.g. 10 or 12.5';
  }
  return error.message;
}
