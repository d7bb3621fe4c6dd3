import { authResult, loginInput } from '@pf/domain';
import { login } from '../../services/auth/login';
import { publicProcedure } from '../../trpc/procedures';
import { deliverTokens } from '../tokens';

export const loginProcedure = publicProcedure
  .input(loginInput)
  .output(authResult)
  .mutation(async ({ ctx, input }) => {
    const { result, tokens } = await login(ctx.deps, input, ctx);
    deliverTokens(ctx, tokens);
    return result;
  });
