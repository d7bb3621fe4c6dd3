import { type GcsNotificationMessage, type PubSubClient, parseGcsFinalizeNotification } from '@pf/adapters';
import type { EventData } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';

export type BridgeDecision =
  | { kind: 'finalize'; data: EventData<'media_object_finalized'> }
  | { kind: 'ignore'; reason: string };

/**
 * What one bucket notification means for media. Only OBJECT_FINALIZE of our bucket with the object's size
 * and type (payload format JSON_API_V1) becomes `media_object_finalized`; deletes are ours (the media-deleter
 * caused them) and everything else is acknowledged and dropped.
 */
export function decideGcsNotification(message: GcsNotificationMessage, bucket: string): BridgeDecision {
  const notification = parseGcsFinalizeNotification(message);
  if (notification.type === 'ignored') return { kind: 'ignore', reason: notification.reason ?? 'ignored' };
  if (notification.type === 'deleted') return { kind: 'ignore', reason: 'object deleted' };
  if (notification.bucket !== bucket) return { kind: 'ignore', reason: `bucket ${notification.bucket}` };
  if (notification.sizeBytes === undefined || notification.contentType === undefined) {
    return { kind: 'ignore', reason: 'no object metadata: set the notification payload format to JSON_API_V1' };
  }
  return {
    kind: 'finalize',
    data: {
      object_key: notification.key,
      size_bytes: notification.sizeBytes,
      content_type: notification.contentType,
    },
  };
}

/** How long Pub/Sub waits before redelivering a notification whose event could not be written. */
export const RELAY_RETRY_SECONDS = 10;

/**
 * One pull from the bucket's notification subscription. Each finalize becomes an outbox row (so the local
 * and GCS paths share one consumer); a message is acknowledged only after its row committed, so a crash
 * redelivers it, and the finalizer ignores the duplicate. Returns how many messages were pulled.
 */
export async function relayGcsNotifications(
  deps: AppDeps,
  client: PubSubClient,
  options: { subscription: string; bucket: string; maxMessages: number },
): Promise<number> {
  const messages = await client.pull(options.subscription, options.maxMessages);
  const done: string[] = [];
  const retry: string[] = [];
  for (const message of messages) {
    const decision = decideGcsNotification({ attributes: message.attributes, data: message.data }, options.bucket);
    if (decision.kind === 'ignore') {
      deps.logger.debug({ messageId: message.messageId, reason: decision.reason }, 'bucket notification ignored');
      done.push(message.ackId);
      continue;
    }
    try {
      await deps.db.transaction((tx) =>
        emit(tx, {
          type: 'media_object_finalized',
          aggregateId: decision.data.object_key,
          data: decision.data,
          occurredAt: deps.clock.now(),
        }),
      );
      done.push(message.ackId);
    } catch (error) {
      deps.logger.warn({ err: error, messageId: message.messageId }, 'bucket notification not relayed; will retry');
      retry.push(message.ackId);
    }
  }
  if (done.length > 0) await client.acknowledge(options.subscription, done);
  if (retry.length > 0) await client.modifyAckDeadline(options.subscription, retry, RELAY_RETRY_SECONDS);
  return messages.length;
}
