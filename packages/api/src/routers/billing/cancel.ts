import { billingOverviewDto } from '@pf/domain';
import { setCancellation } from '../../services/billing/actions';
import { getBillingOverview } from '../../services/billing/overview';
import { readIdempotencyKey } from '../../trpc/idempotency';
import { billingOwner } from './procedures';

const changeCancellation = (cancelAtPeriodEnd: boolean) =>
  billingOwner
    .meta({ idempotency: '24h', idempotencyAt: 'provider' })
    .output(billingOverviewDto)
    .mutation(async ({ ctx }) => {
      await setCancellation(
        ctx.deps,
        { userId: ctx.principal.userId, storeId: ctx.store.id },
        cancelAtPeriodEnd,
        readIdempotencyKey(ctx.headers),
        ctx,
      );
      return getBillingOverview(ctx.deps, ctx.store.id);
    });

/** Cancel at period end: the store stays listed until the paid period is over. */
export const cancelProcedure = changeCancellation(true);
/** Takes a scheduled cancellation back. */
export const resumeProcedure = changeCancellation(false);
