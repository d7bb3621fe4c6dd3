import { meDto } from '@pf/domain';
import { getMe } from '../../services/auth/get-me';
import { authedProcedure } from '../../trpc/procedures';

export const meProcedure = authedProcedure.output(meDto).query(({ ctx }) => getMe(ctx.deps, ctx.principal));
