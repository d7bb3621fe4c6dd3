import { redirectDto, subscribeInput } from '@pf/domain';
import { startCheckout } from '../../services/billing/actions';
import { readIdempotencyKey } from '../../trpc/idempotency';
import { billingOwner } from './procedures';

/** Opens the provider's checkout for a plan (default plan when none is named); answers where to go. */
export const subscribeProcedure = billingOwner
  .meta({ idempotency: '24h', idempotencyAt: 'provider' })
  .input(subscribeInput)
  .output(redirectDto)
  .mutation(({ ctx, input }) => startCheckout(ctx.deps, ctx.store.id, input, readIdempotencyKey(ctx.headers)));
