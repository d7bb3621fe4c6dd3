/** Rows removed per statement: short transactions and locks, so retention never stalls the dispatcher. */
export const RETENTION_BATCH_SIZE = 2000;

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Repeats `deleteBatch` until it removes less than a full batch or shutdown is requested. Returns how many
 * rows went and whether the backlog was cleared (false: the rest goes next run).
 */
export async function deleteInBatches(
  signal: AbortSignal,
  deleteBatch: (limit: number) => Promise<number>,
): Promise<{ deleted: number; complete: boolean }> {
  let deleted = 0;
  while (!signal.aborted) {
    const removed = await deleteBatch(RETENTION_BATCH_SIZE);
    deleted += removed;
    if (removed < RETENTION_BATCH_SIZE) return { deleted, complete: true };
  }
  return { deleted, complete: false };
}
