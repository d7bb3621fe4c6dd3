import { authResult, registerInput } from '@pf/domain';
import { register } from '../../services/auth/register';
import { publicProcedure } from '../../trpc/procedures';
import { deliverTokens } from '../tokens';

export const registerProcedure = publicProcedure
  .meta({ idempotency: '24h' })
  .input(registerInput)
  .output(authResult)
  .mutation(async ({ ctx, input }) => {
    const { result, tokens } = await register(ctx.deps, input, ctx);
    deliverTokens(ctx, tokens);
    return result;
  });
