import { vendorStoreProcedure } from '../../../trpc/procedures';

/** Writes: vendor store, roles that work the catalog (not viewers). */
export const catalogEditor = vendorStoreProcedure('manageProducts');
/** Reads of the own catalog: any member of the vendor store. */
export const catalogReader = vendorStoreProcedure('readStore');
