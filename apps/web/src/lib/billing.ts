import type { BillingInterval, ChargeStatus, ListingReason, PlanDto, SubscriptionStatus } from '@pf/domain';
import { formatMoney } from './catalog-format';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
/** Billing dates are calendar days (UTC, as the provider bills them). */
export const formatDate = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '—');

export const planPrice = (plan: Pick<PlanDto, 'priceCents' | 'interval'>) =>
  `${formatMoney(plan.priceCents)} / ${plan.interval === 'year' ? 'year' : 'month'}`;

export const INTERVAL_LABELS: Record<BillingInterval, string> = { month: 'Monthly', year: 'Yearly' };

export const SUBSCRIPTION_STATUS: Record<
  SubscriptionStatus,
  { label: string; tone: 'success' | 'pending' | 'danger' | 'neutral' | 'info' }
> = {
  trialing: { label: 'Trial', tone: 'info' },
  active: { label: 'Active', tone: 'success' },
  past_due: { label: 'Payment overdue', tone: 'danger' },
  unpaid: { label: 'Unpaid', tone: 'danger' },
  canceled: { label: 'Canceled', tone: 'neutral' },
  incomplete: { label: 'Awaiting payment', tone: 'pending' },
  incomplete_expired: { label: 'Expired', tone: 'neutral' },
  paused: { label: 'Paused', tone: 'neutral' },
};

export const CHARGE_STATUS: Record<
  ChargeStatus,
  { label: string; tone: 'success' | 'pending' | 'danger' | 'neutral' }
> = {
  succeeded: { label: 'Paid', tone: 'success' },
  pending: { label: 'Pending', tone: 'pending' },
  failed: { label: 'Failed', tone: 'danger' },
  refunded: { label: 'Refunded', tone: 'neutral' },
};

/** What the listing reason means for the vendor, in one sentence. */
export function listingMeaning(reason: ListingReason, graceEndsAt: string | null): string {
  switch (reason) {
    case 'active':
    case 'trialing':
      return 'Your subscription keeps your store listed in the marketplace.';
    case 'grace':
      return `Your last renewal failed. Your products stay listed until ${formatDate(graceEndsAt)}: update your card before then.`;
    case 'grace_expired':
      return 'Your renewal is unpaid, so buyers no longer see your products. Update your card to list again.';
    case 'period_ended':
    case 'canceled':
      return 'Your subscription has ended. Subscribe again to list your products.';
    case 'incomplete':
      return 'Your first payment has not gone through yet.';
    case 'paused':
      return 'Your subscription is paused, so buyers do not see your products.';
    case 'override_listed':
      return 'PackFinderz support has listed your store.';
    case 'override_hidden':
      return 'PackFinderz support has taken your store off the marketplace. Contact support.';
    case 'no_subscription':
      return 'Buyers see your products once you subscribe to a vendor plan.';
  }
}
