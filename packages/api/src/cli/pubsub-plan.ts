import { loadConfig } from '../config';
import { ALL_CONSUMERS } from '../consumers';
import { pubsubResources } from '../events/pubsub';
import { runCli } from './run';

const ACK_DEADLINE_SECONDS = 60;

/**
 * `pnpm --filter @pf/api pubsub:plan`: prints the gcloud commands that create every topic and subscription
 * the Pub/Sub transport reads (names from PUBSUB_TOPIC_PREFIX / PUBSUB_SUBSCRIPTION_PREFIX, routes from the
 * consumers in this build). Prints only; run the commands (or port them to Terraform) yourself.
 */
await runCli(async () => {
  const config = loadConfig(process.env);
  const project = config.PUBSUB_PROJECT_ID ?? '<project-id>';
  const { topics, subscriptions } = pubsubResources(ALL_CONSUMERS, {
    topic: config.PUBSUB_TOPIC_PREFIX,
    subscription: config.PUBSUB_SUBSCRIPTION_PREFIX,
  });
  const deadLetterTopic = `${config.PUBSUB_TOPIC_PREFIX}dead-letter`;
  // Pub/Sub must count deliveries for the framework to see attempts; its own cut-off stays above ours.
  const maxDeliveries = Math.min(100, Math.max(5, config.CONSUMER_MAX_ATTEMPTS + 5));
  const lines = [
    '# topics (message ordering is a publisher setting; the adapter enables it)',
    ...[...topics, deadLetterTopic].map((topic) => `gcloud pubsub topics create ${topic} --project=${project}`),
    `gcloud pubsub subscriptions create ${deadLetterTopic} --topic=${deadLetterTopic} --project=${project}`,
    '# one subscription per consumer and topic',
    ...subscriptions.flatMap((subscription) => [
      `# ${subscription.consumer} <- ${subscription.topic}: ${subscription.eventTypes.join(', ')}`,
      ...(!subscription.filter && subscription.sharedTopic
        ? ['# no filter: it would exceed 256 bytes; the consumer acks the types it does not handle']
        : []),
      [
        `gcloud pubsub subscriptions create ${subscription.name} --project=${project}`,
        `  --topic=${subscription.topic} --enable-message-ordering --ack-deadline=${ACK_DEADLINE_SECONDS}`,
        `  --dead-letter-topic=${deadLetterTopic} --max-delivery-attempts=${maxDeliveries}`,
        ...(subscription.filter ? [`  --message-filter='${subscription.filter}'`] : []),
      ].join(' \\\n'),
    ]),
  ];
  console.log(lines.join('\n'));
});
