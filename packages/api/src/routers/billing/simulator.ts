import { billingOverviewDto, redirectDto, simulatedCheckoutDto, simulatedSessionInput } from '@pf/domain';
import { getBillingOverview } from '../../services/billing/overview';
import { failSimulatedRenewal, getSimulatedCheckout, paySimulatedCheckout } from '../../services/billing/simulator';
import { billingOwner } from './procedures';

// The simulated provider's pages (PAYMENTS_PROVIDER=simulated only; NOT_FOUND with Stripe).

export const simulatedCheckoutProcedure = billingOwner
  .input(simulatedSessionInput)
  .output(simulatedCheckoutDto)
  .query(({ ctx, input }) => getSimulatedCheckout(ctx.deps, ctx.store.id, input.sessionId));

export const simulatedPayProcedure = billingOwner
  .meta({ idempotency: '24h', idempotencyAt: 'provider' })
  .input(simulatedSessionInput)
  .output(redirectDto)
  .mutation(({ ctx, input }) => paySimulatedCheckout(ctx.deps, ctx.store.id, input.sessionId));

export const simulatedFailRenewalProcedure = billingOwner
  .meta({ idempotency: '24h', idempotencyAt: 'provider' })
  .output(billingOverviewDto)
  .mutation(async ({ ctx }) => {
    await failSimulatedRenewal(ctx.deps, ctx.store.id);
    return getBillingOverview(ctx.deps, ctx.store.id);
  });
