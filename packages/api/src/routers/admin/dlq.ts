import {
  deadLetterDto,
  deadLetterPage,
  getDeadLetterInput,
  listDeadLettersInput,
  replayDeadLettersInput,
  replayResult,
} from '@pf/domain';
import { getDeadLetter, listDeadLetters, replayDeadLetter, replayDeadLetters } from '../../events/dlq';
import { adminProcedure } from '../../trpc/procedures';

export const listDeadLettersProcedure = adminProcedure
  .input(listDeadLettersInput)
  .output(deadLetterPage)
  .query(({ ctx, input }) => listDeadLetters(ctx.deps, input));

export const getDeadLetterProcedure = adminProcedure
  .input(getDeadLetterInput)
  .output(deadLetterDto)
  .query(({ ctx, input }) => getDeadLetter(ctx.deps, input.id));

/** `{id}` replays one letter; `{filter, dryRun}` replays (or previews) every letter the filter selects. */
export const replayDeadLettersProcedure = adminProcedure
  .meta({ idempotency: '24h' })
  .input(replayDeadLettersInput)
  .output(replayResult)
  .mutation(async ({ ctx, input }) => {
    const actor = { userId: ctx.principal.userId, via: 'admin' as const, requestId: ctx.requestId };
    if ('id' in input) {
      const item = await replayDeadLetter(ctx.deps, input.id, actor);
      return { dryRun: false, items: [item], count: 1, more: false };
    }
    return replayDeadLetters(ctx.deps, input, actor);
  });
