import { vendorStoreProcedure } from '../../../trpc/procedures';

/** Any member of the vendor store follows its orders; deciding them is for owners, admins and managers. */
export const vendorOrderReader = vendorStoreProcedure('readStore');
export const vendorOrderDecider = vendorStoreProcedure('decideOrders');
