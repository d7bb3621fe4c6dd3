import { findUserById, storeMemberships, stores } from '@pf/db';
import { AppError } from '@pf/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';
import { recordAudit } from '../audit';
import type { RequestMeta } from '../types';

export async function listMyInvitations(deps: AppDeps, userId: string) {
  const rows = await deps.db
    .select({
      storeId: stores.id,
      storeName: stores.companyName,
      storeType: stores.type,
      role: storeMemberships.role,
      invitedAt: storeMemberships.updatedAt,
    })
    .from(storeMemberships)
    .innerJoin(stores, eq(stores.id, storeMemberships.storeId))
    .where(and(eq(storeMemberships.userId, userId), eq(storeMemberships.status, 'invited')))
    .orderBy(asc(stores.companyName));
  return rows.map((row) => ({ ...row, invitedAt: row.invitedAt.toISOString() }));
}

/** Accepting or declining only ever touches the caller's own invitation. */
export async function answerInvitation(
  deps: AppDeps,
  userId: string,
  storeId: string,
  accept: boolean,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(storeMemberships)
      .set({ status: accept ? 'active' : 'removed', updatedAt: now })
      .where(
        and(
          eq(storeMemberships.userId, userId),
          eq(storeMemberships.storeId, storeId),
          eq(storeMemberships.status, 'invited'),
        ),
      )
      .returning({ id: storeMemberships.id, role: storeMemberships.role });
    if (!updated) throw new AppError('NOT_FOUND', 'No pending invitation for that store.');
    if (accept) {
      const member = await findUserById(tx, userId);
      await emit(tx, {
        type: 'member_joined',
        aggregateId: storeId,
        actor: { userId, storeId },
        data: {
          store_id: storeId,
          user_id: userId,
          member_name: member ? `${member.firstName} ${member.lastName}` : 'A new member',
          role: updated.role,
        },
        occurredAt: now,
      });
    }
    await recordAudit(tx, {
      actorUserId: userId,
      storeId,
      action: accept ? 'invitation.accepted' : 'invitation.declined',
      targetType: 'membership',
      targetId: updated.id,
      requestId: meta.requestId,
    });
  });
}
