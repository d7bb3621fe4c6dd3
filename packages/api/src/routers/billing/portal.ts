import { redirectDto } from '@pf/domain';
import { openPortal } from '../../services/billing/actions';
import { readIdempotencyKey } from '../../trpc/idempotency';
import { billingOwner } from './procedures';

/** The provider's billing portal: cards, invoices, cancellation. */
export const portalProcedure = billingOwner
  .meta({ idempotency: '24h', idempotencyAt: 'provider' })
  .output(redirectDto)
  .mutation(({ ctx }) => openPortal(ctx.deps, ctx.store.id, readIdempotencyKey(ctx.headers)));
