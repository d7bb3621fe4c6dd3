import { media, users } from '@pf/db';
import type { MeDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { signedReadUrl } from '../media/read-url';
import type { Principal } from '../types';
import { listStoresFor } from './issue-session';

/** The avatar's read URL (a public kind, so a cacheable quarter-window URL), or null when none is set. */
async function avatarUrlOf(deps: AppDeps, userId: string): Promise<string | null> {
  const [image] = await deps.db
    .select({ kind: media.kind, status: media.status, objectKey: media.objectKey })
    .from(users)
    .innerJoin(media, eq(media.id, users.avatarMediaId))
    .where(eq(users.id, userId))
    .limit(1);
  return image ? signedReadUrl(deps, image) : null;
}

export async function getMe(deps: AppDeps, principal: Principal): Promise<MeDto> {
  const [stores, avatarUrl] = await Promise.all([
    principal.systemRole === 'admin' ? [] : listStoresFor(deps, principal.userId),
    avatarUrlOf(deps, principal.userId),
  ]);
  const activeStore = principal.store ? (stores.find((store) => store.id === principal.store?.id) ?? null) : null;
  return { user: principal.profile, stores, activeStoreId: activeStore?.id ?? null, activeStore, avatarUrl };
}
