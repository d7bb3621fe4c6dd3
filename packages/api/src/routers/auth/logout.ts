import { z } from 'zod';
import { logout } from '../../services/auth/session-ops';
import { sessionClaim } from '../../trpc/principal';
import { publicProcedure } from '../../trpc/procedures';

/** Accepts an expired access token: signing out must always work. */
export const logoutProcedure = publicProcedure
  .output(z.object({ status: z.literal('logged_out') }))
  .mutation(async ({ ctx }) => {
    const claim = await sessionClaim(ctx, { allowExpired: true });
    await logout(ctx.deps, claim.sessionId);
    return { status: 'logged_out' as const };
  });
