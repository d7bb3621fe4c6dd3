/**
 * License dates are calendar days (`date` columns, YYYY-MM-DD) read as UTC midnight (DOMAIN §3.1). The
 * lifecycle windows are instants; these turn them into day bounds so queries compare dates with dates
 * (index-friendly, and independent of the database session's time zone).
 */
const DAY_MS = 86_400_000;

/** The UTC calendar day an instant falls on. */
export const utcDayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  utcDayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The first day whose UTC midnight is at or after `instant`: `midnight(d) ≥ instant ⇔ d ≥ this`. */
export function firstDayAtOrAfter(instant: Date): string {
  const day = utcDayOf(instant);
  return Date.parse(`${day}T00:00:00Z`) === instant.getTime() ? day : addDays(day, 1);
}
