import { media, users } from '@pf/db';
import { AppError, type AvatarResult } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import { reconcileAttachments } from '../media/attachments';
import { signedReadUrl } from '../media/read-url';
import type { ActiveStore, RequestMeta } from '../types';

const notYours = () =>
  new AppError('VALIDATION_ERROR', 'validation failed', {
    violations: [{ path: 'mediaId', code: 'not_found', message: 'is not a photo you uploaded' }],
  });

/**
 * Sets (or clears, with null) the caller's avatar: a `user` image the caller uploaded in the active store.
 * The user has one avatar whichever store they are in, so the previous attachment goes wherever it was.
 */
export async function setAvatar(
  deps: AppDeps,
  userId: string,
  store: ActiveStore,
  mediaId: string | null,
  meta: RequestMeta,
): Promise<AvatarResult> {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ avatarMediaId: users.avatarMediaId })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!user) throw new AppError('NOT_FOUND', 'User not found.');
    const [image] = mediaId ? await tx.select().from(media).where(eq(media.id, mediaId)).limit(1) : [];
    // A coworker's photo in the same store library is still not the caller's to wear.
    if (mediaId && image?.userId !== userId) throw notYours();
    await reconcileAttachments(tx, {
      entityType: 'user_avatar',
      entityId: userId,
      storeId: store.id,
      mediaIds: mediaId ? [mediaId] : [],
      kinds: ['user'],
      field: 'mediaId',
    });
    await tx.update(users).set({ avatarMediaId: mediaId, updatedAt: deps.clock.now() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorUserId: userId,
      storeId: store.id,
      action: 'user.avatar_set',
      targetType: 'user',
      targetId: userId,
      details: { mediaId, previousMediaId: user.avatarMediaId },
      requestId: meta.requestId,
    });
    return { avatarMediaId: mediaId, avatarUrl: image ? await signedReadUrl(deps, image) : null };
  });
}
