import { findUserById } from '@pf/db';
import { AppError, type MeDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { Principal } from '../types';
import { listStoresFor, toUserDto } from './issue-session';

export async function getMe(deps: AppDeps, principal: Principal): Promise<MeDto> {
  const user = await findUserById(deps.db, principal.userId);
  if (!user) throw new AppError('UNAUTHORIZED', 'session unavailable');
  const stores = principal.systemRole === 'admin' ? [] : await listStoresFor(deps, principal.userId);
  const activeStore = principal.store ? (stores.find((store) => store.id === principal.store?.id) ?? null) : null;
  return { user: toUserDto(user), stores, activeStoreId: activeStore?.id ?? null, activeStore };
}
