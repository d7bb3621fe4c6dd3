import { z } from 'zod';

export const AGGREGATE_TYPES = [
  'vendor_order',
  'checkout_group',
  'license',
  'store',
  'media',
  'ledger_event',
  'notification',
  'ad',
] as const;
export type AggregateType = (typeof AGGREGATE_TYPES)[number];

export const TOPICS = ['orders', 'notifications', 'analytics', 'billing', 'stores', 'media'] as const;
export type Topic = (typeof TOPICS)[number];

export const actorSchema = z.object({
  userId: z.uuid().optional(),
  storeId: z.uuid().optional(),
  role: z.string().optional(),
});

/**
 * The published message body (DOMAIN §6.2). `eventId` is the consumers' idempotency key and differs from
 * the outbox row id. Envelope keys are camelCase; `data` keys are snake_case in every version-1 payload.
 */
export const envelopeSchema = z.object({
  version: z.number().int().min(1),
  eventId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  actor: actorSchema.optional(),
  data: z.record(z.string(), z.unknown()),
});
export type Envelope<TData = Record<string, unknown>> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };
