import { changeMemberRoleInput, inviteMemberInput, inviteResult, memberDto, removeMemberInput } from '@pf/domain';
import { z } from 'zod';
import { changeMemberRole, inviteMember, listMembers, removeMember } from '../../services/store/members';
import { storeProcedure } from '../../trpc/procedures';

const teamManager = storeProcedure({ capability: 'manageTeam' });

export const listMembersProcedure = teamManager
  .output(z.array(memberDto))
  .query(({ ctx }) => listMembers(ctx.deps, ctx.store));

export const inviteMemberProcedure = teamManager
  .meta({ idempotency: '24h', redactOnReplay: ['temporaryPassword'] })
  .input(inviteMemberInput)
  .output(inviteResult)
  .mutation(({ ctx, input }) => inviteMember(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

export const removeMemberProcedure = teamManager
  .input(removeMemberInput)
  .output(z.object({ removed: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeMember(ctx.deps, ctx.principal.userId, ctx.store, input.userId, ctx);
    return { removed: true as const };
  });

export const changeMemberRoleProcedure = teamManager
  .input(changeMemberRoleInput)
  .output(memberDto)
  .mutation(({ ctx, input }) => changeMemberRole(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));
