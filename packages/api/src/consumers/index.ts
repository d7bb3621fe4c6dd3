import type { Consumer } from '../events/consumer';
import { mediaDeleterConsumer, mediaFinalizerConsumer } from './media';
import { notificationsConsumer } from './notifications';

/** Every consumer the worker runs; each reads its own subscription. */
export const ALL_CONSUMERS: Consumer[] = [notificationsConsumer, mediaFinalizerConsumer, mediaDeleterConsumer];
