export { createEmbeddedTransport, DELIVERY_CHANNEL, type SubscriptionBinding } from './events/embedded';
export {
  ackDeadlineSeconds,
  createPubSubTransport,
  fromPubSubMessage,
  type OutgoingPubSubMessage,
  type PubSubClient,
  PubSubPublishError,
  type PubSubTransportOptions,
  type PulledPubSubMessage,
  type TransportLogger,
  toPubSubMessage,
} from './events/pubsub';
export {
  MAX_FILTER_BYTES,
  type PubSubRoute,
  planPubSubRoutes,
  pubsubFilter,
  pubsubSubscriptionName,
  pubsubTopicName,
} from './events/pubsub-routes';
export { createMemoryKeyValueStore } from './kv/memory';
export { createRedisKeyValueStore } from './kv/redis';
export { createLogMailSender, type MailLogger } from './mail/log';
export {
  createSendGridMailSender,
  SENDGRID_ENDPOINT,
  type SendGridOptions,
  sendGridRequestBody,
} from './mail/sendgrid';
