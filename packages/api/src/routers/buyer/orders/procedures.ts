import { buyerStoreProcedure } from '../../../trpc/procedures';

/** Any member of the buyer store follows its orders; canceling one is for those who may place them. */
export const buyerOrderReader = buyerStoreProcedure('readStore');
export const buyerOrderCanceler = buyerStoreProcedure('placeOrders');
