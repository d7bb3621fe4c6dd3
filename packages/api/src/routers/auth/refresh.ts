import { refreshInput } from '@pf/domain';
import { z } from 'zod';
import { refreshSession } from '../../services/auth/session-ops';
import { publicProcedure } from '../../trpc/procedures';
import { deliverTokens } from '../tokens';

export const refreshProcedure = publicProcedure
  .input(refreshInput)
  .output(z.object({ status: z.literal('refreshed') }))
  .mutation(async ({ ctx, input }) => {
    deliverTokens(ctx, await refreshSession(ctx.deps, input.refreshToken));
    return { status: 'refreshed' as const };
  });
