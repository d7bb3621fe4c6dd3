import { stores } from '@pf/db';
import { AppError, type UpdateStoreInput } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { storeDtoWithImages } from './store-dto';

const notFound = () => new AppError('NOT_FOUND', 'Store not found.');

export async function getOwnStore(deps: AppDeps, store: ActiveStore) {
  const [row] = await deps.db.select().from(stores).where(eq(stores.id, store.id)).limit(1);
  if (!row) throw notFound();
  return storeDtoWithImages(deps, deps.db, row);
}

/** Patch semantics: absent = unchanged, null = cleared. Address, type, KYC and subscription are not editable. */
export async function updateStore(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: UpdateStoreInput,
  meta: RequestMeta,
) {
  const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(stores)
      .set({ ...patch, updatedAt: deps.clock.now() })
      .where(eq(stores.id, store.id))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'store.updated',
      targetType: 'store',
      targetId: store.id,
      details: { fields: Object.keys(patch) },
      requestId: meta.requestId,
    });
    return storeDtoWithImages(deps, tx, row);
  });
}
