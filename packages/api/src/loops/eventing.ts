import { DELIVERY_CHANNEL } from '@pf/adapters';
import type { AppDeps } from '../deps';
import { type Consumer, createDeliveryProcessor } from '../events/consumer';
import { createBatchProcessor } from '../events/consumer-batch';
import { dispatchOutboxBatch } from '../events/dispatcher';
import { OUTBOX_CHANNEL } from '../events/emit';
import type { Loop } from './runner';

/** Publishes the outbox; a full batch means more is waiting, so it goes again at once. */
export const dispatcherLoop: Loop = {
  name: 'dispatcher',
  intervalMs: (deps) => deps.eventing.pollMs,
  async runOnce(deps) {
    return (await dispatchOutboxBatch(deps)) >= deps.eventing.batchSize;
  },
  idle: (deps, signal) =>
    deps.notifier.wait(OUTBOX_CHANNEL, deps.eventing.pollMs + Math.floor(Math.random() * 250), signal),
};

/** Receives through the transport's batch path when it has one (embedded), else message by message (Pub/Sub). */
function receiverFor(deps: AppDeps, consumer: Consumer) {
  const { transport } = deps;
  const { receiveBatch } = transport;
  if (receiveBatch) {
    const process = createBatchProcessor(deps, consumer);
    return (max: number) => receiveBatch.call(transport, consumer.name, max, process);
  }
  const process = createDeliveryProcessor(deps, consumer);
  return (max: number) => transport.receive(consumer.name, max, process);
}

export function consumerLoop(consumer: Consumer): Loop {
  const receivers = new WeakMap<AppDeps, ReturnType<typeof receiverFor>>();
  return {
    name: `consumer:${consumer.name}`,
    intervalMs: (deps) => deps.eventing.pollMs,
    async runOnce(deps) {
      const receive = receivers.get(deps) ?? receiverFor(deps, consumer);
      receivers.set(deps, receive);
      return (await receive(deps.eventing.consumerBatchSize)) >= deps.eventing.consumerBatchSize;
    },
    idle: (deps, signal) =>
      deps.notifier.wait(DELIVERY_CHANNEL, deps.eventing.pollMs + Math.floor(Math.random() * 250), signal),
  };
}
