import { createAgentInput, userDto } from '@pf/domain';
import { z } from 'zod';
import { createAgent, listAgents } from '../../services/admin/users';
import { adminProcedure } from '../../trpc/procedures';

export const createAgentProcedure = adminProcedure
  .meta({ idempotency: '24h' })
  .input(createAgentInput)
  .output(userDto)
  .mutation(({ ctx, input }) => createAgent(ctx.deps, ctx.principal.userId, input, ctx));

export const listAgentsProcedure = adminProcedure.output(z.array(userDto)).query(({ ctx }) => listAgents(ctx.deps));
