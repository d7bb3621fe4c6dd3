import { describe, expect, it } from 'vitest';
import { listingOf, type SubscriptionStanding, subscriptionChangeOf } from '../src';

const now = new Date('2026-05-10T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * DAY);
const standing = (patch: Partial<SubscriptionStanding> = {}): SubscriptionStanding => ({
  status: 'active',
  cancelAtPeriodEnd: false,
  currentPeriodEnd: at(20),
  graceStartedAt: null,
  ...patch,
});
const listed = (subscription: SubscriptionStanding | null, override: { listed: boolean } | null = null) =>
  listingOf({ subscription, override, now, graceDays: 7 });

describe('listing rule', () => {
  it('lists active and trialing subscriptions and nothing without one', () => {
    expect(listed(standing()).listed).toBe(true);
    expect(listed(standing({ status: 'trialing' })).reason).toBe('trialing');
    expect(listed(null)).toEqual({ listed: false, reason: 'no_subscription', graceEndsAt: null });
  });

  it('hides ended, incomplete and paused subscriptions', () => {
    for (const status of ['canceled', 'incomplete_expired', 'incomplete', 'paused'] as const) {
      expect(listed(standing({ status })).listed, status).toBe(false);
    }
  });

  it('keeps a store set to cancel listed until its paid period is over, then hides it', () => {
    expect(listed(standing({ cancelAtPeriodEnd: true, currentPeriodEnd: at(1) })).listed).toBe(true);
    const ended = listed(standing({ cancelAtPeriodEnd: true, currentPeriodEnd: at(0) }));
    expect(ended).toMatchObject({ listed: false, reason: 'period_ended' });
  });

  it('keeps a store with a failed renewal listed for the grace days, counted from the first failure', () => {
    const inGrace = listed(standing({ status: 'past_due', graceStartedAt: at(-6.9) }));
    expect(inGrace.listed).toBe(true);
    expect(inGrace.reason).toBe('grace');
    expect(inGrace.graceEndsAt?.toISOString()).toBe(new Date(at(-6.9).getTime() + 7 * DAY).toISOString());
    expect(listed(standing({ status: 'unpaid', graceStartedAt: at(-7) }))).toMatchObject({
      listed: false,
      reason: 'grace_expired',
    });
  });

  it('lets a support override win either way', () => {
    expect(listed(null, { listed: true }).reason).toBe('override_listed');
    expect(listed(standing(), { listed: false })).toMatchObject({ listed: false, reason: 'override_hidden' });
  });
});

describe('subscription changes told to the vendor', () => {
  const snap = (subscription: SubscriptionStanding | null) => ({
    status: subscription?.status ?? null,
    cancelAtPeriodEnd: subscription?.cancelAtPeriodEnd ?? false,
    listing: listed(subscription),
  });

  it('names each transition a vendor cares about', () => {
    expect(subscriptionChangeOf(snap(null), snap(standing()))).toBe('subscribed');
    expect(subscriptionChangeOf(snap(standing()), snap(standing({ cancelAtPeriodEnd: true })))).toBe(
      'cancel_scheduled',
    );
    expect(subscriptionChangeOf(snap(standing({ cancelAtPeriodEnd: true })), snap(standing()))).toBe('cancel_revoked');
    const failing = standing({ status: 'past_due', graceStartedAt: at(-1) });
    expect(subscriptionChangeOf(snap(standing()), snap(failing))).toBe('payment_failed');
    expect(subscriptionChangeOf(snap(failing), snap(standing()))).toBe('payment_recovered');
    const expired = standing({ status: 'past_due', graceStartedAt: at(-8) });
    expect(subscriptionChangeOf(snap(failing), snap(expired))).toBe('grace_expired');
    expect(subscriptionChangeOf(snap(standing()), snap(standing({ status: 'canceled' })))).toBe('ended');
  });

  it('says nothing when a repeat changes nothing', () => {
    expect(subscriptionChangeOf(snap(standing()), snap(standing()))).toBeNull();
  });
});
