import type { SubscriptionStatus } from './statuses';

/** What the listing rule reads of a store's subscription mirror. */
export interface SubscriptionStanding {
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  /** When a renewal first failed; null while payments are in order. */
  graceStartedAt: Date | null;
}

export const LISTING_REASONS = [
  'no_subscription',
  'active',
  'trialing',
  'grace',
  'grace_expired',
  'period_ended',
  'canceled',
  'incomplete',
  'paused',
  'override_listed',
  'override_hidden',
] as const;
export type ListingReason = (typeof LISTING_REASONS)[number];

export interface Listing {
  /** The value of `stores.subscription_active`, the flag the buyer-visibility rule reads. */
  listed: boolean;
  reason: ListingReason;
  /** While in grace (or once it ran out): when the listing goes (went) away. */
  graceEndsAt: Date | null;
}

const DAY_MS = 86_400_000;

export const graceEndOf = (graceStartedAt: Date, graceDays: number) =>
  new Date(graceStartedAt.getTime() + graceDays * DAY_MS);

/**
 * Whether a vendor's subscription keeps it listed right now (DOMAIN §3.12, issue 13). A support override
 * wins; then a cancellation at period end hides the store once the paid period is over, even before the
 * provider reports the subscription canceled; a failed renewal keeps the store listed for `graceDays` from
 * the first failure, then hides it. Time is an input, so a scheduled job can re-derive the flag as it passes.
 */
export function listingOf(input: {
  subscription: SubscriptionStanding | null;
  override: { listed: boolean } | null;
  now: Date;
  graceDays: number;
}): Listing {
  const { subscription, override, now, graceDays } = input;
  if (override) {
    return {
      listed: override.listed,
      reason: override.listed ? 'override_listed' : 'override_hidden',
      graceEndsAt: null,
    };
  }
  if (!subscription) return { listed: false, reason: 'no_subscription', graceEndsAt: null };
  const { status, cancelAtPeriodEnd, currentPeriodEnd } = subscription;
  const periodOver = currentPeriodEnd !== null && now.getTime() >= currentPeriodEnd.getTime();
  if (cancelAtPeriodEnd && periodOver && status !== 'canceled') {
    return { listed: false, reason: 'period_ended', graceEndsAt: null };
  }
  switch (status) {
    case 'active':
    case 'trialing':
      return { listed: true, reason: status, graceEndsAt: null };
    case 'past_due':
    case 'unpaid': {
      const graceEndsAt = graceEndOf(subscription.graceStartedAt ?? now, graceDays);
      return now.getTime() < graceEndsAt.getTime()
        ? { listed: true, reason: 'grace', graceEndsAt }
        : { listed: false, reason: 'grace_expired', graceEndsAt };
    }
    case 'canceled':
    case 'incomplete_expired':
      return { listed: false, reason: 'canceled', graceEndsAt: null };
    case 'incomplete':
      return { listed: false, reason: 'incomplete', graceEndsAt: null };
    case 'paused':
      return { listed: false, reason: 'paused', graceEndsAt: null };
  }
}

/** Statuses in which a failed renewal is being retried (the grace clock runs). */
export const isDunningStatus = (status: SubscriptionStatus) => status === 'past_due' || status === 'unpaid';
