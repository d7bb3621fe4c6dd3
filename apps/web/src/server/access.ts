import 'server-only';
import type { MeDto } from '@pf/domain';
import { forbidden, redirect } from 'next/navigation';
import type { Area } from '@/lib/navigation';
import { getCurrentUser } from './caller';

/** Signed-in user or a redirect to sign-in. */
export async function requireUser(): Promise<MeDto> {
  const me = await getCurrentUser();
  if (!me) redirect('/sign-in');
  return me;
}

const allowed: Record<Area, (me: MeDto) => boolean> = {
  buyer: (me) => me.activeStore?.type === 'buyer',
  vendor: (me) => me.activeStore?.type === 'vendor',
  agent: (me) => me.user.systemRole === 'agent',
  admin: (me) => me.user.systemRole === 'admin',
};

/** A URL the role may not use answers the 403 page (app/forbidden.tsx), never a crash. */
export async function requireArea(area: Area): Promise<MeDto> {
  const me = await requireUser();
  if (!allowed[area](me)) forbidden();
  return me;
}

export async function requireStore(options: { manageTeam?: boolean } = {}) {
  const me = await requireUser();
  const store = me.activeStore;
  if (!store) forbidden();
  if (options.manageTeam && store.role !== 'owner' && store.role !== 'manager') forbidden();
  return { me, store };
}
