import { billingOverviewDto } from '@pf/domain';
import { getBillingOverview } from '../../services/billing/overview';
import { billingOwner } from './procedures';

/** Plan, status, next charge, trial end, invoices and the plans on sale, for the billing page. */
export const billingOverviewProcedure = billingOwner
  .output(billingOverviewDto)
  .query(({ ctx }) => getBillingOverview(ctx.deps, ctx.store.id));
