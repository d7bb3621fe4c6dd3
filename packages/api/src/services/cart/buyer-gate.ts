import type { Address } from '@pf/domain';
import { AppError } from '@pf/domain';
import type { ActiveStore } from '../types';

/** Quoting and checkout need a verified buyer store (DOMAIN §5.8 step 1); browsing does not. */
export function assertVerifiedBuyer(store: Pick<ActiveStore, 'kycStatus'>) {
  if (store.kycStatus !== 'verified') {
    throw new AppError('FORBIDDEN', 'Your store must have a verified license before it can order.', {
      details: { kycStatus: store.kycStatus },
    });
  }
}

/** The buyer's state decides which vendors it may order from; without one there is nothing to check against. */
export function buyerStateOf(address: Address | null | undefined): string {
  const state = address?.state?.trim().toUpperCase();
  if (!state) {
    throw new AppError('VALIDATION_ERROR', 'Add a state to your store address to order.', {
      violations: [{ path: 'store.address.state', code: 'missing_state', message: 'is required to order' }],
    });
  }
  return state;
}

/** Raw rows give timestamps as strings (postgres-js) or Dates (PGlite). */
export const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
export const toDateOrNull = (value: string | Date | null): Date | null => (value === null ? null : toDate(value));

/** Raw rows: postgres-js resolves to the row array, PGlite to `{ rows }`. */
export const rowsIn = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
