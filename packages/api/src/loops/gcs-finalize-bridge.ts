import { setTimeout as sleep } from 'node:timers/promises';
import type { PubSubClient } from '@pf/adapters';
import type { AppDeps } from '../deps';
import { relayGcsNotifications } from '../services/media/gcs-finalize-bridge';
import type { Loop } from './runner';

const clients = new WeakMap<AppDeps, Promise<PubSubClient>>();

/** The Google client is imported on first use only: loading it costs seconds at every process start. */
function clientFor(deps: AppDeps, projectId: string): Promise<PubSubClient> {
  let client = clients.get(deps);
  if (!client) {
    client = import('@pf/adapters/pubsub-google').then(({ createGooglePubSubClient }) =>
      createGooglePubSubClient({ projectId }),
    );
    clients.set(deps, client);
  }
  return client;
}

const untilAborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

/**
 * STORAGE_DRIVER=gcs: relays the bucket's OBJECT_FINALIZE notifications into `media_object_finalized` outbox
 * rows. With local storage the web upload route writes those rows itself, so this loop just waits for shutdown.
 */
export const gcsFinalizeBridgeLoop: Loop = {
  name: 'gcs-finalize-bridge',
  intervalMs: (deps) => deps.eventing.pollMs,
  async runOnce(deps) {
    const { STORAGE_DRIVER, GCS_BUCKET, GCS_NOTIFICATION_SUBSCRIPTION, PUBSUB_PROJECT_ID } = deps.config;
    if (STORAGE_DRIVER !== 'gcs' || !GCS_BUCKET || !GCS_NOTIFICATION_SUBSCRIPTION || !PUBSUB_PROJECT_ID) return false;
    const maxMessages = deps.eventing.consumerBatchSize;
    const pulled = await relayGcsNotifications(deps, await clientFor(deps, PUBSUB_PROJECT_ID), {
      subscription: GCS_NOTIFICATION_SUBSCRIPTION,
      bucket: GCS_BUCKET,
      maxMessages,
    });
    return pulled >= maxMessages;
  },
  idle: (deps, signal) =>
    deps.config.STORAGE_DRIVER === 'gcs'
      ? sleep(deps.eventing.pollMs, undefined, { signal }).catch(() => undefined)
      : untilAborted(signal),
};
