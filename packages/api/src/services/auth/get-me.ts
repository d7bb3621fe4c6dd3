import type { MeDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { Principal } from '../types';
import { listStoresFor } from './issue-session';

export async function getMe(deps: AppDeps, principal: Principal): Promise<MeDto> {
  const stores = principal.systemRole === 'admin' ? [] : await listStoresFor(deps, principal.userId);
  const activeStore = principal.store ? (stores.find((store) => store.id === principal.store?.id) ?? null) : null;
  return { user: principal.profile, stores, activeStoreId: activeStore?.id ?? null, activeStore };
}
