import { meDto, switchStoreInput } from '@pf/domain';
import { getMe } from '../../services/auth/get-me';
import { switchStore } from '../../services/auth/session-ops';
import { resolvePrincipal } from '../../trpc/principal';
import { authedProcedure } from '../../trpc/procedures';
import { deliverTokens } from '../tokens';

export const switchStoreProcedure = authedProcedure
  .input(switchStoreInput)
  .output(meDto)
  .mutation(async ({ ctx, input }) => {
    const tokens = await switchStore(ctx.deps, ctx.principal, input.storeId);
    deliverTokens(ctx, tokens);
    const principal = await resolvePrincipal({
      ...ctx,
      headers: new Headers({ authorization: `Bearer ${tokens.accessToken}` }),
    });
    return getMe(ctx.deps, principal);
  });
