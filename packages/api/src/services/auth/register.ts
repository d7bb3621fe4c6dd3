import { findUserByEmail, isUniqueViolation, storeMemberships, stores, users } from '@pf/db';
import { AppError, newPasswordSchema, type RegisterInput } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { RequestMeta } from '../types';
import { parseOrThrow } from '../validation';
import { startSession } from './issue-session';
import { verifyCredentials } from './verify-credentials';

/**
 * Register (DOMAIN §5.1): a new user with their first store, or — when the email exists and the password
 * proves it — another store for that user. The session starts on the new store.
 */
export async function register(deps: AppDeps, input: RegisterInput, meta: RequestMeta) {
  const existing = await findUserByEmail(deps.db, input.email);
  let passwordHash: string | undefined;
  if (existing) {
    await verifyCredentials(deps, input, meta, 'register');
  } else {
    await deps.rateLimit(deps.policies.register, { ip: meta.ip, email: input.email });
    parseOrThrow(newPasswordSchema, input.password, 'password');
    passwordHash = await deps.hasher.forClient(meta.ip).hash(input.password);
  }

  const { userId, storeId } = await deps.db
    .transaction(async (tx) => {
      const user =
        existing ??
        (
          await tx
            .insert(users)
            .values({
              email: input.email,
              passwordHash: passwordHash as string,
              firstName: input.firstName,
              lastName: input.lastName,
              phone: input.phone ?? null,
            })
            .returning()
        )[0];
      if (!user) throw new Error('user insert returned nothing');
      const [store] = await tx
        .insert(stores)
        .values({
          type: input.storeType,
          companyName: input.companyName,
          dbaName: input.dbaName ?? null,
          address: input.address,
          ownerUserId: user.id,
        })
        .returning({ id: stores.id });
      if (!store) throw new Error('store insert returned nothing');
      await tx.insert(storeMemberships).values({ storeId: store.id, userId: user.id, role: 'owner', status: 'active' });
      await recordAudit(tx, {
        actorUserId: user.id,
        storeId: store.id,
        action: existing ? 'store.created' : 'user.registered',
        targetType: 'store',
        targetId: store.id,
        details: { storeType: input.storeType },
        requestId: meta.requestId,
      });
      return { userId: user.id, storeId: store.id };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new AppError('CONFLICT', 'An account with this email was just created. Sign in instead.');
      }
      throw error;
    });

  return startSession(deps, userId, { preferredStoreId: storeId });
}
