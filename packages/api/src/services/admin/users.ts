import { isUniqueViolation, users } from '@pf/db';
import { AppError, type createAgentInput, type devAdminRegisterInput } from '@pf/domain';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import { startSession, toUserDto } from '../auth/issue-session';
import type { RequestMeta } from '../types';

async function createSystemUser(
  deps: AppDeps,
  input: z.output<typeof createAgentInput>,
  systemRole: 'admin' | 'agent',
  actorUserId: string | null,
  meta: RequestMeta,
) {
  const passwordHash = await deps.hasher.forClient(meta.ip).hash(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone ?? null,
          systemRole,
        })
        .returning();
      if (!user) throw new Error('user insert returned nothing');
      await recordAudit(tx, {
        actorUserId: actorUserId ?? user.id,
        action: `${systemRole}.created`,
        targetType: 'user',
        targetId: user.id,
        requestId: meta.requestId,
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError('CONFLICT', 'An account with this email already exists.', {
        details: { constraint: 'users_email_key' },
      });
    }
    throw error;
  }
}

/**
 * Creates a system admin and signs them in; only with ENABLE_DEV_ADMIN_REGISTER (the procedure is not even
 * mounted otherwise, and production refuses the setting). Checked here too, so no other caller can reach it.
 */
export async function devRegisterAdmin(
  deps: AppDeps,
  input: z.output<typeof devAdminRegisterInput>,
  meta: RequestMeta,
) {
  if (!deps.config.ENABLE_DEV_ADMIN_REGISTER || deps.config.APP_ENV === 'production') {
    throw new AppError('NOT_FOUND', 'Not found.');
  }
  await deps.rateLimit(deps.policies.register, { ip: meta.ip, email: input.email });
  const user = await createSystemUser(deps, input, 'admin', null, meta);
  return startSession(deps, user.id, { storeless: true });
}

export async function createAgent(
  deps: AppDeps,
  adminUserId: string,
  input: z.output<typeof createAgentInput>,
  meta: RequestMeta,
) {
  return toUserDto(await createSystemUser(deps, input, 'agent', adminUserId, meta));
}

export async function listAgents(deps: AppDeps) {
  const rows = await deps.db
    .select()
    .from(users)
    .where(eq(users.systemRole, 'agent'))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows.map(toUserDto);
}
