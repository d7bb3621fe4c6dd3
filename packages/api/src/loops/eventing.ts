import { DELIVERY_CHANNEL } from '@pf/adapters';
import type { AppDeps } from '../deps';
import { type Consumer, createDeliveryProcessor } from '../events/consumer';
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

export function consumerLoop(consumer: Consumer): Loop {
  const processors = new WeakMap<AppDeps, ReturnType<typeof createDeliveryProcessor>>();
  return {
    name: `consumer:${consumer.name}`,
    intervalMs: (deps) => deps.eventing.pollMs,
    async runOnce(deps) {
      const processor = processors.get(deps) ?? createDeliveryProcessor(deps, consumer);
      processors.set(deps, processor);
      const handled = await deps.transport.receive(consumer.name, deps.eventing.consumerBatchSize, processor);
      return handled >= deps.eventing.consumerBatchSize;
    },
    idle: (deps, signal) =>
      deps.notifier.wait(DELIVERY_CHANNEL, deps.eventing.pollMs + Math.floor(Math.random() * 250), signal),
  };
}
