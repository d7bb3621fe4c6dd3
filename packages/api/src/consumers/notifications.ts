import { notifications } from '@pf/db';
import { NOTIFYING_EVENT_TYPES, notificationsFor } from '@pf/domain';
import type { Consumer } from '../events/consumer';
import { reviewAlreadyDecided } from '../services/notifications/license-review';

/** Turns domain events into in-app notifications for the right store(s) or the admin inbox. */
export const notificationsConsumer: Consumer = {
  name: 'notifications',
  handles: NOTIFYING_EVENT_TYPES,
  async handle(tx, event, deps) {
    const drafts = notificationsFor(event.type, event.data);
    if (drafts.length === 0) return;
    const readAt = (await reviewAlreadyDecided(tx, event.type, event.data)) ? deps.clock.now() : null;
    await tx.insert(notifications).values(
      drafts.map((draft) => ({
        storeId: draft.storeId,
        audience: draft.storeId ? ('store' as const) : ('admins' as const),
        type: draft.type,
        title: draft.title,
        message: draft.message,
        link: draft.link,
        sourceEventId: event.envelope.eventId,
        readAt,
      })),
    );
  },
};
