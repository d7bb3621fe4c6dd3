import { router } from '../../trpc/init';
import { cancelProcedure, resumeProcedure } from './cancel';
import { billingOverviewProcedure } from './overview';
import { portalProcedure } from './portal';
import { simulatedCheckoutProcedure, simulatedFailRenewalProcedure, simulatedPayProcedure } from './simulator';
import { subscribeProcedure } from './subscribe';

export const billingRouter = router({
  overview: billingOverviewProcedure,
  subscribe: subscribeProcedure,
  portal: portalProcedure,
  cancel: cancelProcedure,
  resume: resumeProcedure,
  simulator: router({
    checkout: simulatedCheckoutProcedure,
    pay: simulatedPayProcedure,
    failRenewal: simulatedFailRenewalProcedure,
  }),
});
