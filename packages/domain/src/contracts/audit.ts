import { z } from 'zod';
import { uuidSchema } from '../text';

/** Who wrote an audit row: a signed-in user, the scheduler (cron jobs), or another system process. */
export const AUDIT_ACTOR_KINDS = ['user', 'scheduler', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** Admin audit browser: newest first; every filter narrows (DOMAIN PF-208). */
export const auditQueryInput = z
  .strictObject({
    /** `license`, `store`, `membership`, `user`, `dead_letter`, … */
    entityType: z.string().trim().min(1).max(40).optional(),
    entityId: z.string().trim().min(1).max(64).optional(),
    storeId: uuidSchema.optional(),
    limit: z.number().int('must be a whole number').min(1).max(100).default(25),
    cursor: z.string().min(1, 'is invalid').max(200, 'is invalid').nullish(),
    /** Sent by TanStack infinite queries along with the cursor; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .prefault({});
export type AuditQuery = z.output<typeof auditQueryInput>;

export const auditEntryDto = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  storeId: z.string().nullable(),
  actor: z.object({
    kind: z.enum(AUDIT_ACTOR_KINDS),
    userId: z.string().nullable(),
    email: z.string().nullable(),
  }),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const auditPage = z.object({ items: z.array(auditEntryDto), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPage>;
