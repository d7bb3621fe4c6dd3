import { z } from 'zod';
import { authedProcedure, publicProcedure } from '../../trpc/procedures';

export const pingProcedure = publicProcedure
  .output(z.object({ scope: z.literal('public'), status: z.literal('ok') }))
  .query(() => ({ scope: 'public' as const, status: 'ok' as const }));

/** Auth smoke test: what the server believes about the caller. */
export const whoamiProcedure = authedProcedure
  .output(
    z.object({
      userId: z.string(),
      systemRole: z.enum(['admin', 'agent']).nullable(),
      storeId: z.string().nullable(),
      storeType: z.enum(['buyer', 'vendor']).nullable(),
      membershipRole: z.string().nullable(),
    }),
  )
  .query(({ ctx }) => ({
    userId: ctx.principal.userId,
    systemRole: ctx.principal.systemRole,
    storeId: ctx.principal.store?.id ?? null,
    storeType: ctx.principal.store?.type ?? null,
    membershipRole: ctx.principal.store?.role ?? null,
  }));
