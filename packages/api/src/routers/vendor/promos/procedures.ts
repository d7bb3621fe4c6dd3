import { vendorStoreProcedure } from '../../../trpc/procedures';

/** Promo codes are pricing decisions: owners, admins and managers of the vendor store. */
export const promoEditor = vendorStoreProcedure('managePromos');
export const promoReader = vendorStoreProcedure('readStore');
