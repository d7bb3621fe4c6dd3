/** Events that tell an order's story, in the words a buyer or vendor reads on the order page. */
export const TIMELINE_EVENT_TYPES = [
  'order_created',
  'order_decided',
  'order_ready_for_dispatch',
  'order_canceled',
  'order_expired',
  'order_pending_nudge',
  'notification_requested',
  'cash_collected',
  'payment_failed',
  'order_paid',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface TimelineSource {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface TimelineEntry {
  eventId: string;
  type: TimelineEventType;
  occurredAt: string;
  title: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function titleOf(type: TimelineEventType, data: Record<string, unknown>): string {
  switch (type) {
    case 'order_created':
      return 'Order placed';
    case 'order_decided':
      return data.decision === 'accept' ? 'Accepted by the vendor' : 'Rejected by the vendor';
    case 'order_ready_for_dispatch': {
      const rejected = Number(data.rejected_item_count ?? 0);
      return rejected > 0 ? `Ready for dispatch (${plural(rejected, 'line')} not available)` : 'Ready for dispatch';
    }
    case 'order_canceled':
      return typeof data.reason === 'string' && data.reason
        ? `Canceled by the buyer: ${data.reason}`
        : 'Canceled by the buyer';
    case 'order_expired':
      return 'Expired without a decision';
    case 'order_pending_nudge':
      return 'Vendor reminded: still waiting for a decision';
    case 'notification_requested':
      return 'Buyer asked the vendor about this order';
    case 'cash_collected':
      return 'Cash collected on delivery';
    case 'payment_failed':
      return 'Cash collection failed';
    case 'order_paid':
      return 'Vendor paid out';
  }
}

const isTimelineType = (type: string): type is TimelineEventType =>
  (TIMELINE_EVENT_TYPES as readonly string[]).includes(type);

/** Oldest first; unknown event types are left out rather than shown raw. */
export function buildTimeline(events: readonly TimelineSource[]): TimelineEntry[] {
  return events
    .flatMap((event) =>
      isTimelineType(event.type)
        ? [
            {
              eventId: event.eventId,
              type: event.type,
              occurredAt: event.occurredAt,
              title: titleOf(event.type, event.data),
            },
          ]
        : [],
    )
    .sort((a, b) => (a.occurredAt === b.occurredAt ? 0 : a.occurredAt < b.occurredAt ? -1 : 1));
}
