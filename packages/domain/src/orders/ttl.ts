/**
 * Order TTL (DOMAIN §7, §12.A16): a pending order nudges its vendor once after 5 days and expires after 10,
 * giving its stock back. Checked hourly, so an order expires within an hour of its tenth day.
 */
export const ORDER_NUDGE_AFTER_DAYS = 5;
export const ORDER_EXPIRE_AFTER_DAYS = 10;
