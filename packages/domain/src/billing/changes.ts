import type { Listing } from './listing';
import { isEndedStatus, type SubscriptionStatus } from './statuses';

export const SUBSCRIPTION_CHANGES = [
  'subscribed',
  'cancel_scheduled',
  'cancel_revoked',
  'payment_failed',
  'payment_recovered',
  'grace_expired',
  'ended',
  'override_set',
  'override_cleared',
  'updated',
] as const;
export type SubscriptionChange = (typeof SUBSCRIPTION_CHANGES)[number];

export interface StandingSnapshot {
  status: SubscriptionStatus | null;
  cancelAtPeriodEnd: boolean;
  listing: Listing;
}

const isOverride = (listing: Listing) => listing.reason === 'override_listed' || listing.reason === 'override_hidden';
const alive = (status: SubscriptionStatus | null) => status !== null && !isEndedStatus(status);

/**
 * What a vendor is told about a change of its subscription standing (the `subscription_changed` event), or
 * null when nothing it cares about changed (a webhook that repeats the state we already have).
 */
export function subscriptionChangeOf(before: StandingSnapshot, after: StandingSnapshot): SubscriptionChange | null {
  const sameListing = before.listing.listed === after.listing.listed && before.listing.reason === after.listing.reason;
  if (before.status === after.status && before.cancelAtPeriodEnd === after.cancelAtPeriodEnd && sameListing) {
    return null;
  }
  if (isOverride(after.listing) && !sameListing) return 'override_set';
  if (isOverride(before.listing) && !isOverride(after.listing)) return 'override_cleared';
  if (!alive(before.status) && alive(after.status)) return 'subscribed';
  // `before.listing.listed` is the stored flag: time may already have run out while nobody re-derived it.
  if (before.listing.listed && !after.listing.listed) {
    return after.listing.reason === 'grace_expired' ? 'grace_expired' : 'ended';
  }
  if (after.listing.reason === 'grace' && before.listing.reason !== 'grace') return 'payment_failed';
  if (before.listing.reason === 'grace' && after.listing.listed && after.listing.reason !== 'grace') {
    return 'payment_recovered';
  }
  if (alive(before.status) && !alive(after.status)) return 'ended';
  if (!before.cancelAtPeriodEnd && after.cancelAtPeriodEnd) return 'cancel_scheduled';
  if (before.cancelAtPeriodEnd && !after.cancelAtPeriodEnd) return 'cancel_revoked';
  return 'updated';
}
