import { invitationDto, storeIdInput } from '@pf/domain';
import { z } from 'zod';
import { answerInvitation, listMyInvitations } from '../../services/store/invitations';
import { authedProcedure } from '../../trpc/procedures';

export const listMyInvitationsProcedure = authedProcedure
  .output(z.array(invitationDto))
  .query(({ ctx }) => listMyInvitations(ctx.deps, ctx.principal.userId));

const answered = z.object({ storeId: z.string(), status: z.enum(['accepted', 'declined']) });

export const acceptInvitationProcedure = authedProcedure
  .input(storeIdInput)
  .output(answered)
  .mutation(async ({ ctx, input }) => {
    await answerInvitation(ctx.deps, ctx.principal.userId, input.storeId, true, ctx);
    return { storeId: input.storeId, status: 'accepted' as const };
  });

export const declineInvitationProcedure = authedProcedure
  .input(storeIdInput)
  .output(answered)
  .mutation(async ({ ctx, input }) => {
    await answerInvitation(ctx.deps, ctx.principal.userId, input.storeId, false, ctx);
    return { storeId: input.storeId, status: 'declined' as const };
  });
