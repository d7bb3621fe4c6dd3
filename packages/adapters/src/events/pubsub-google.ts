import { PubSub, type Topic, v1 } from '@google-cloud/pubsub';
import type { PubSubClient } from './pubsub';

export interface GooglePubSubOptions {
  projectId: string;
  /** Per-call deadline of a publish (DOMAIN §6.5: 15 s). */
  publishTimeoutMs?: number;
  /**
   * Deadline of one synchronous pull. An empty subscription holds the pull open until a message arrives
   * or this passes; it also bounds how long a worker shutdown waits for an idle consumer.
   */
  pullTimeoutMs?: number;
}

const DEADLINE_EXCEEDED = 4;

/**
 * The real client: an ordered publisher per topic (`messageOrdering: true`) and the GAPIC subscriber
 * for synchronous pull / acknowledge / modifyAckDeadline. Credentials come from Application Default
 * Credentials; PUBSUB_EMULATOR_HOST is honoured by the library (via `getClientConfig`).
 */
export function createGooglePubSubClient(options: GooglePubSubOptions): PubSubClient {
  const { projectId } = options;
  const pubsub = new PubSub({ projectId });
  const topics = new Map<string, Topic>();
  let subscriber: Promise<v1.SubscriberClient> | undefined;
  const getSubscriber = () => {
    // getClientConfig types `port` as string | number; the GAPIC constructor accepts what it returns
    // (the library builds its own schema client the same way).
    subscriber ??= pubsub
      .getClientConfig()
      .then((config) => new v1.SubscriberClient(config as ConstructorParameters<typeof v1.SubscriberClient>[0]));
    return subscriber;
  };
  const topic = (name: string) => {
    let handle = topics.get(name);
    if (!handle) {
      handle = pubsub.topic(name, {
        messageOrdering: true,
        gaxOpts: { timeout: options.publishTimeoutMs ?? 15_000 },
      });
      topics.set(name, handle);
    }
    return handle;
  };
  const path = async (name: string) => (await getSubscriber()).subscriptionPath(projectId, name);

  return {
    publish: (name, message) => topic(name).publishMessage(message),
    resumePublishing: (name, orderingKey) => topic(name).resumePublishing(orderingKey),

    async pull(name, maxMessages) {
      const client = await getSubscriber();
      try {
        const [response] = await client.pull(
          { subscription: await path(name), maxMessages },
          { timeout: options.pullTimeoutMs ?? 10_000 },
        );
        return (response.receivedMessages ?? []).flatMap((received) =>
          received.ackId
            ? [
                {
                  ackId: received.ackId,
                  data: received.message?.data,
                  attributes: received.message?.attributes,
                  orderingKey: received.message?.orderingKey,
                  messageId: received.message?.messageId,
                  deliveryAttempt: received.deliveryAttempt,
                },
              ]
            : [],
        );
      } catch (error) {
        // Nothing arrived before the deadline: an empty pull, not a failure.
        if ((error as { code?: number }).code === DEADLINE_EXCEEDED) return [];
        throw error;
      }
    },

    async acknowledge(name, ackIds) {
      await (await getSubscriber()).acknowledge({ subscription: await path(name), ackIds });
    },

    async modifyAckDeadline(name, ackIds, ackDeadlineSeconds) {
      await (await getSubscriber()).modifyAckDeadline({ subscription: await path(name), ackIds, ackDeadlineSeconds });
    },

    async close() {
      await Promise.allSettled([...topics.values()].map((handle) => handle.flush()));
      if (subscriber) await (await subscriber).close();
      await pubsub.close();
    },
  };
}
