import type { EventType } from './events/catalog';
import type { NotificationType } from './identity';

export interface NotificationDraft {
  /** A store id, or null for the admin inbox. */
  storeId: string | null;
  type: NotificationType;
  title: string;
  message: string;
  link: string | null;
}

type Data = Record<string, unknown>;
/** Where a store manages its licenses. */
const COMPLIANCE_PAGE = '/settings/compliance';
const str = (data: Data, key: string) => String(data[key] ?? '');
/** Where a vendor manages its subscription. */
const BILLING_PAGE = '/vendor/billing';
const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : 'soon');

/** The vendor's side of a `subscription_changed` event; an unremarkable update says nothing. */
function subscriptionMessage(d: Data): { title: string; text: string } | null {
  switch (d.change) {
    case 'subscribed':
      return {
        title: 'Subscription active',
        text: d.listed
          ? 'Your vendor subscription is active: buyers in your state can see your products.'
          : 'Your vendor subscription is active. Buyers will see your products once your license is verified.',
      };
    case 'cancel_scheduled':
      return {
        title: 'Subscription set to end',
        text: `Your subscription ends on ${day(d.current_period_end)}; your products stay listed until then.`,
      };
    case 'cancel_revoked':
      return { title: 'Subscription continues', text: 'Your subscription will renew as usual.' };
    case 'payment_failed':
      return {
        title: 'Payment failed',
        text: `We could not charge your subscription renewal. Update your card by ${day(d.grace_ends_at)} to stay listed.`,
      };
    case 'payment_recovered':
      return { title: 'Payment received', text: 'Your subscription renewal went through. Thank you.' };
    case 'grace_expired':
      return {
        title: 'Products hidden: payment overdue',
        text: 'Your renewal is still unpaid, so buyers no longer see your products. Update your card to list again.',
      };
    case 'ended':
      return {
        title: 'Subscription ended',
        text: 'Your vendor subscription has ended and buyers no longer see your products. Subscribe again to list.',
      };
    case 'override_set':
    case 'override_cleared':
      return {
        title: 'Listing updated by PackFinderz',
        text: d.listed
          ? 'Support listed your store in the marketplace.'
          : 'Support took your store off the marketplace.',
      };
    default:
      return null;
  }
}
const shortId = (id: string) => id.slice(0, 8);
/** Where an admin reviews a license; also how the admin inbox's review request for it is found again. */
export const licenseReviewLink = (licenseId: string) => `/admin/licenses/${licenseId}`;
const toStore = (storeId: string, type: NotificationType, title: string, message: string, link: string | null) => ({
  storeId,
  type,
  title,
  message,
  link,
});
const toAdmins = (type: NotificationType, title: string, message: string, link: string | null) => ({
  storeId: null,
  type,
  title,
  message,
  link,
});

/**
 * Who hears about what (DOMAIN §5.16). Every event marked as notifying maps here; admins get their own
 * inbox instead of a notification written to the store that asked for review.
 */
const MAPPERS: Partial<Record<EventType, (data: Data) => NotificationDraft[]>> = {
  checkout_converted: (d) =>
    (d.vendor_store_ids as string[]).map((vendorStoreId) =>
      toStore(
        vendorStoreId,
        'order_alert',
        'New order received',
        'A buyer placed an order with your store.',
        '/vendor/orders',
      ),
    ),
  order_decided: (d) => [
    toStore(
      str(d, 'buyer_store_id'),
      'order_alert',
      d.decision === 'accept' ? 'Order accepted' : 'Order rejected',
      `Order ${shortId(str(d, 'order_id'))} was ${d.decision === 'accept' ? 'accepted' : 'rejected'} by the vendor.`,
      `/buyer/orders/${str(d, 'order_id')}`,
    ),
  ],
  order_ready_for_dispatch: (d) => [
    toStore(
      str(d, 'buyer_store_id'),
      'order_alert',
      'Order ready for dispatch',
      `Order ${shortId(str(d, 'order_id'))} is packed and waiting for an agent.`,
      `/buyer/orders/${str(d, 'order_id')}`,
    ),
  ],
  order_canceled: (d) => [
    toStore(
      str(d, 'vendor_store_id'),
      'order_alert',
      'Order canceled',
      `The buyer canceled order ${shortId(str(d, 'order_id'))}.`,
      `/vendor/orders/${str(d, 'order_id')}`,
    ),
  ],
  order_expired: (d) => [
    toStore(
      str(d, 'buyer_store_id'),
      'order_alert',
      'Order expired',
      `Order ${shortId(str(d, 'order_id'))} expired before the vendor decided.`,
      `/buyer/orders/${str(d, 'order_id')}`,
    ),
    toStore(
      str(d, 'vendor_store_id'),
      'order_alert',
      'Order expired',
      `Order ${shortId(str(d, 'order_id'))} expired after ${str(d, 'ttl_days')} days without a decision.`,
      `/vendor/orders/${str(d, 'order_id')}`,
    ),
  ],
  order_pending_nudge: (d) => [
    toStore(
      str(d, 'vendor_store_id'),
      'order_alert',
      'Order waiting for you',
      `Order ${shortId(str(d, 'order_id'))} has waited ${str(d, 'pending_days')} days for a decision.`,
      `/vendor/orders/${str(d, 'order_id')}`,
    ),
  ],
  notification_requested: (d) => [
    toStore(
      str(d, 'vendor_store_id'),
      'order_alert',
      'Buyer asked about an order',
      `The buyer is waiting on order ${shortId(str(d, 'order_id'))}.`,
      `/vendor/orders/${str(d, 'order_id')}`,
    ),
  ],
  cash_collected: (d) => [
    toStore(
      str(d, 'vendor_store_id'),
      'order_alert',
      'Cash collected',
      `Cash for order ${shortId(str(d, 'order_id'))} was collected on delivery.`,
      `/vendor/orders/${str(d, 'order_id')}`,
    ),
  ],
  order_paid: (d) => [
    toStore(
      str(d, 'vendor_store_id'),
      'order_alert',
      'Payout sent',
      `Your payout for order ${shortId(str(d, 'order_id'))} was confirmed.`,
      `/vendor/orders/${str(d, 'order_id')}`,
    ),
  ],
  payment_failed: (d) => [
    toAdmins(
      'order_alert',
      'Cash collection failed',
      `Collecting payment for order ${shortId(str(d, 'order_id'))} failed${d.failure_reason ? `: ${str(d, 'failure_reason')}` : ''}.`,
      `/admin/orders/${str(d, 'order_id')}`,
    ),
  ],
  license_status_changed: (d) => {
    const licenseId = str(d, 'license_id');
    switch (d.status) {
      case 'pending':
        return [
          toAdmins(
            'compliance',
            'License submitted for review',
            `${d.store_name ? str(d, 'store_name') : 'A store'} submitted a license for review.`,
            licenseReviewLink(licenseId),
          ),
        ];
      case 'verified':
        return [
          toStore(str(d, 'store_id'), 'compliance', 'License approved', 'Your license was verified.', COMPLIANCE_PAGE),
        ];
      case 'rejected':
        return [
          toStore(
            str(d, 'store_id'),
            'compliance',
            'License rejected',
            d.reason ? `Your license was rejected: ${str(d, 'reason')}` : 'Your license was rejected.',
            COMPLIANCE_PAGE,
          ),
        ];
      default:
        return [
          toStore(str(d, 'store_id'), 'compliance', 'License expired', 'Your license has expired.', COMPLIANCE_PAGE),
        ];
    }
  },
  license_expiring_soon: (d) => [
    toStore(
      str(d, 'store_id'),
      'compliance',
      'License expiring soon',
      `Your license expires on ${str(d, 'expiration_date')} (${str(d, 'days_until_expiration')} days). Upload a renewal.`,
      COMPLIANCE_PAGE,
    ),
  ],
  license_expired: (d) => [
    toStore(
      str(d, 'store_id'),
      'compliance',
      'License expired',
      `Your license expired on ${str(d, 'expiration_date')}. Buyers and vendors can no longer trade with you.`,
      COMPLIANCE_PAGE,
    ),
  ],
  subscription_changed: (d) => {
    const message = subscriptionMessage(d);
    return message ? [toStore(str(d, 'store_id'), 'compliance', message.title, message.text, BILLING_PAGE)] : [];
  },
  member_joined: (d) => [
    toStore(
      str(d, 'store_id'),
      'security_alert',
      'New team member',
      `${str(d, 'member_name')} joined your team as ${str(d, 'role')}.`,
      '/settings/team',
    ),
  ],
};

export const NOTIFYING_EVENT_TYPES = Object.keys(MAPPERS) as EventType[];

export const notificationsFor = (type: EventType, data: Data): NotificationDraft[] => MAPPERS[type]?.(data) ?? [];
