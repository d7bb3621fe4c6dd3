import { DELIVERY_CHANNEL } from '@pf/adapters';
import { eventDeliveries, outboxDlq, outboxEvents, type Transaction } from '@pf/db';
import {
  AppError,
  type DeadLetterDto,
  type DeadLetterFilter,
  type DeadLetterPage,
  type DeadLetterSummary,
  type ListDeadLettersInput,
  listDeadLettersInput,
  type ReplayResult,
} from '@pf/domain';
import { and, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { recordAudit } from '../services/audit';
import { OUTBOX_CHANNEL } from './emit';

type DlqRow = typeof outboxDlq.$inferSelect;
type DlqDeps = Pick<AppDeps, 'db' | 'config'>;
/** Who asked for a replay, for the audit trail (null user = the command line). */
export interface ReplayActor {
  userId: string | null;
  via: 'admin' | 'cli';
  requestId?: string;
}

/** created_at at full (microsecond) precision: a millisecond cursor would skip or repeat rows. */
const createdAtText = sql<string>`to_char(${outboxDlq.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value[0]) &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_ERROR', 'invalid cursor', {
    violations: [{ path: 'cursor', code: 'invalid', message: 'is not a cursor this endpoint issued' }],
  });
}

function filterConditions(filter: DeadLetterFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.consumer === null) conditions.push(isNull(outboxDlq.consumer));
  else if (filter.consumer !== undefined) conditions.push(eq(outboxDlq.consumer, filter.consumer));
  if (filter.eventType) conditions.push(eq(outboxDlq.eventType, filter.eventType));
  if (filter.reason) conditions.push(eq(outboxDlq.reason, filter.reason));
  if (filter.replayed === true) conditions.push(isNotNull(outboxDlq.replayedAt));
  if (filter.replayed === false) conditions.push(isNull(outboxDlq.replayedAt));
  return conditions;
}

export const toDeadLetterSummary = (row: DlqRow): DeadLetterSummary => ({
  id: row.id,
  eventId: row.eventId,
  outboxEventId: row.outboxEventId,
  eventType: row.eventType,
  aggregateType: row.aggregateType,
  aggregateId: row.aggregateId,
  consumer: row.consumer,
  reason: row.reason,
  errorMessage: row.errorMessage,
  attemptCount: row.attemptCount,
  replayCount: row.replayCount,
  replayedAt: row.replayedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Newest failures first, filtered, paged by an opaque (created_at, id) cursor. */
export async function listDeadLetters(deps: Pick<AppDeps, 'db'>, input: ListDeadLettersInput): Promise<DeadLetterPage> {
  const { limit, cursor, ...filter } = listDeadLettersInput.parse(input);
  const conditions = filterConditions(filter);
  if (cursor) {
    const [createdAt, id] = decodeCursor(cursor);
    conditions.push(sql`(${outboxDlq.createdAt}, ${outboxDlq.id}) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await deps.db
    .select({ row: outboxDlq, createdAtText })
    .from(outboxDlq)
    .where(and(...conditions))
    .orderBy(desc(outboxDlq.createdAt), desc(outboxDlq.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ row }) => toDeadLetterSummary(row)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAtText, last.row.id) : null,
  };
}

export async function getDeadLetter(deps: Pick<AppDeps, 'db'>, id: string): Promise<DeadLetterDto> {
  const [row] = await deps.db.select().from(outboxDlq).where(eq(outboxDlq.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'No dead letter with this id.');
  return { ...toDeadLetterSummary(row), payload: row.payload };
}

/** Consumer letters are redelivered through `event_deliveries`, which only the embedded transport reads. */
function assertReplayable(deps: DlqDeps, row: DlqRow) {
  if (row.consumer !== null && deps.config.EVENT_TRANSPORT !== 'embedded') {
    throw new AppError(
      'STATE_CONFLICT',
      `Dead letter ${row.id} belongs to consumer ${row.consumer}; redelivering to one subscription is only supported by the embedded transport.`,
    );
  }
}

/** The dispatcher gave up on it: make the outbox row claimable again (recreated from the letter if purged). */
async function requeueOutboxRow(tx: Transaction, row: DlqRow) {
  const reset = await tx
    .update(outboxEvents)
    .set({ deadLetteredAt: null, attemptCount: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(outboxEvents.eventId, row.eventId), isNull(outboxEvents.publishedAt)))
    .returning({ id: outboxEvents.id });
  if (reset.length === 0) {
    // Already published (a replay of a replay): consumers have it, nothing to do. Missing: recreate it.
    const version = row.payload.version;
    await tx
      .insert(outboxEvents)
      .values({
        ...(row.outboxEventId ? { id: row.outboxEventId } : {}),
        eventId: row.eventId,
        eventType: row.eventType,
        eventVersion: typeof version === 'number' && Number.isInteger(version) ? version : 0,
        aggregateType: row.aggregateType,
        aggregateId: row.aggregateId,
        payload: row.payload,
      })
      .onConflictDoNothing();
  }
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

/** A consumer gave up on it: make its delivery for that one subscription visible again (recreated if gone). */
async function redeliver(tx: Transaction, row: DlqRow, consumer: string) {
  const reset = await tx
    .update(eventDeliveries)
    .set({ ackedAt: null, attemptCount: 0, visibleAt: sql`now()` })
    .where(and(eq(eventDeliveries.subscription, consumer), eq(eventDeliveries.eventId, row.eventId)))
    .returning({ id: eventDeliveries.id });
  if (reset.length === 0) {
    const [outboxRow] = await tx
      .select({ createdAt: outboxEvents.createdAt })
      .from(outboxEvents)
      .where(eq(outboxEvents.eventId, row.eventId));
    await tx
      .insert(eventDeliveries)
      .values({
        subscription: consumer,
        eventId: row.eventId,
        eventType: row.eventType,
        orderingKey: row.aggregateId,
        attributes: {
          event_id: row.eventId,
          event_type: row.eventType,
          aggregate_type: row.aggregateType,
          aggregate_id: row.aggregateId,
          created_at: (outboxRow?.createdAt ?? row.createdAt).toISOString(),
        },
        body: row.payload,
      })
      .onConflictDoNothing();
  }
  await tx.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
}

/** Replays one locked letter inside the caller's transaction. Safe to repeat: consumers are idempotent. */
async function replayLocked(tx: Transaction, row: DlqRow, actor: ReplayActor): Promise<DlqRow> {
  if (row.consumer === null) await requeueOutboxRow(tx, row);
  else await redeliver(tx, row, row.consumer);
  const [updated] = await tx
    .update(outboxDlq)
    .set({ replayedAt: sql`now()`, replayCount: sql`${outboxDlq.replayCount} + 1` })
    .where(eq(outboxDlq.id, row.id))
    .returning();
  await recordAudit(tx, {
    actorUserId: actor.userId,
    action: 'dlq.replayed',
    targetType: 'dead_letter',
    targetId: row.id,
    details: {
      eventId: row.eventId,
      eventType: row.eventType,
      consumer: row.consumer,
      reason: row.reason,
      via: actor.via,
    },
    requestId: actor.requestId,
  });
  return updated ?? row;
}

/** Replays one letter by id: requeue/redeliver and mark it replayed, in one transaction. */
export async function replayDeadLetter(deps: DlqDeps, id: string, actor: ReplayActor): Promise<DeadLetterSummary> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(outboxDlq).where(eq(outboxDlq.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND', 'No dead letter with this id.');
    assertReplayable(deps, row);
    return toDeadLetterSummary(await replayLocked(tx, row, actor));
  });
}

/**
 * Replays up to `limit` letters matching `filter` (oldest first) in one transaction, or with `dryRun` only
 * reports which ones it would replay. Without a `replayed` filter it takes only letters not yet replayed.
 * Letters another replay holds right now are skipped, so concurrent bulk replays never double up.
 */
export async function replayDeadLetters(
  deps: DlqDeps,
  input: { filter: DeadLetterFilter; dryRun: boolean; limit: number },
  actor: ReplayActor,
): Promise<ReplayResult> {
  const where = and(...filterConditions({ ...input.filter, replayed: input.filter.replayed ?? false }));
  const result = (rows: DlqRow[], items: DlqRow[]): ReplayResult => ({
    dryRun: input.dryRun,
    items: items.map(toDeadLetterSummary),
    count: items.length,
    more: rows.length > input.limit,
  });
  if (input.dryRun) {
    const rows = await deps.db
      .select()
      .from(outboxDlq)
      .where(where)
      .orderBy(outboxDlq.createdAt, outboxDlq.id)
      .limit(input.limit + 1);
    const selected = rows.slice(0, input.limit);
    for (const row of selected) assertReplayable(deps, row);
    return result(rows, selected);
  }
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outboxDlq)
      .where(where)
      .orderBy(outboxDlq.createdAt, outboxDlq.id)
      .limit(input.limit + 1)
      .for('update', { skipLocked: true });
    const selected = rows.slice(0, input.limit);
    for (const row of selected) assertReplayable(deps, row);
    const replayed: DlqRow[] = [];
    for (const row of selected) replayed.push(await replayLocked(tx, row, actor));
    return result(rows, replayed);
  });
}
