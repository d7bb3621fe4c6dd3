import { adminPlanDto, createPlanInput, updatePlanInput } from '@pf/domain';
import { z } from 'zod';
import { createPlan, listPlansForAdmin, updatePlan } from '../../../services/billing/plans';
import { adminProcedure } from '../../../trpc/procedures';

export const listPlansProcedure = adminProcedure
  .output(z.array(adminPlanDto))
  .query(({ ctx }) => listPlansForAdmin(ctx.deps));

export const createPlanProcedure = adminProcedure
  .meta({ idempotency: '24h' })
  .input(createPlanInput)
  .output(adminPlanDto)
  .mutation(({ ctx, input }) => createPlan(ctx.deps, ctx.principal.userId, input, ctx));

/** Edits a plan; `status: hidden` takes it off sale (subscribers keep it), `isDefault: true` moves the default. */
export const updatePlanProcedure = adminProcedure
  .meta({ idempotency: '24h' })
  .input(updatePlanInput)
  .output(adminPlanDto)
  .mutation(({ ctx, input }) => updatePlan(ctx.deps, ctx.principal.userId, input, ctx));
