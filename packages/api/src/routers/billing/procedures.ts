import { vendorStoreProcedure } from '../../trpc/procedures';

/** Every billing procedure: a vendor store's owner (issue 13; other roles are refused with FORBIDDEN). */
export const billingOwner = vendorStoreProcedure('manageBilling');
