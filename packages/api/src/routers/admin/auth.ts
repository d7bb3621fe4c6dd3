import { authResult, devAdminRegisterInput, loginInput } from '@pf/domain';
import { devRegisterAdmin } from '../../services/admin/users';
import { adminLogin } from '../../services/auth/login';
import { publicProcedure } from '../../trpc/procedures';
import { deliverTokens } from '../tokens';

export const adminLoginProcedure = publicProcedure
  .input(loginInput)
  .output(authResult)
  .mutation(async ({ ctx, input }) => {
    const { result, tokens } = await adminLogin(ctx.deps, input, ctx);
    deliverTokens(ctx, tokens);
    return result;
  });

/** Mounted only with ENABLE_DEV_ADMIN_REGISTER, which production refuses (see createAdminRouter). */
export const devRegisterAdminProcedure = publicProcedure
  .input(devAdminRegisterInput)
  .output(authResult)
  .mutation(async ({ ctx, input }) => {
    const { result, tokens } = await devRegisterAdmin(ctx.deps, input, ctx);
    deliverTokens(ctx, tokens);
    return result;
  });
