import { router } from '../../../trpc/init';
import { decideVendorOrderProcedure } from './decide';
import { decideVendorOrderLineProcedure } from './decide-line';
import { getVendorOrderProcedure } from './get';
import { listVendorOrdersProcedure } from './list';

export const vendorOrdersRouter = router({
  list: listVendorOrdersProcedure,
  get: getVendorOrderProcedure,
  decide: decideVendorOrderProcedure,
  decideLine: decideVendorOrderLineProcedure,
});
