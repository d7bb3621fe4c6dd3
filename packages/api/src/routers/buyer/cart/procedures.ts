import { buyerStoreProcedure } from '../../../trpc/procedures';

/** Builds the cart: buyer store, roles that work the store (not viewers). */
export const cartWriter = buyerStoreProcedure('shop');
/** Reads the cart: any member of the buyer store. */
export const cartReader = buyerStoreProcedure('readStore');
