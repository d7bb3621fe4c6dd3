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
export {
  createSimulatedPayments,
  type SimulatedCheckoutSession,
  type SimulatedPayments,
  type SimulatedPaymentsOptions,
} from './payments/simulated';
export { createStripePayments, STRIPE_API_VERSION, type StripePaymentsOptions } from './payments/stripe';
export {
  type ProviderInvoice,
  providerInvoiceOf,
  providerSubscriptionOf,
  type StripeSubscriptionJson,
} from './payments/stripe-objects';
export {
  isStripeSignatureError,
  STRIPE_WEBHOOK_TOLERANCE_SECONDS,
  type StripeEventEnvelope,
  signStripePayload,
  verifyStripeEvent,
} from './payments/stripe-webhooks';
export {
  createGcsObjectStorage,
  type GcsClient,
  type GcsFile,
  type GcsObjectStorageOptions,
} from './storage/gcs';
export {
  type GcsNotification,
  type GcsNotificationMessage,
  parseGcsFinalizeNotification,
} from './storage/gcs-notification';
export {
  createLocalObjectStorage,
  LOCAL_DOWNLOAD_PATH,
  LOCAL_UPLOAD_PATH,
  type LocalObjectStorage,
  type LocalObjectStorageOptions,
  type OpenedDownload,
} from './storage/local';
export type { ReceivedUpload, ReceiveUploadInput, UploadBody } from './storage/local-upload';
export { parseObjectKey } from './storage/object-key';
export { attachmentDisposition, MAX_SIGNED_URL_SECONDS } from './storage/sign-input';
