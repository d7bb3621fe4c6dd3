/**
 * Percentages as exact integers: parts per million of the whole, i.e. ten-thousandths of a percent. 64.6 % is
 * 646_000 and 100 % is 1_000_000. Four decimals of a percent is what `discount_percent numeric(7,4)` stores,
 * so every stored percent has an exact integer form and money math never touches a binary fraction.
 */
export const PPM_PER_PERCENT = 10_000;
export const FULL_PPM = 100 * PPM_PER_PERCENT;

const PERCENT_DECIMALS = 4;
/** Plain decimal text only: no sign, exponent, spaces or thousands separators. */
const DECIMAL_TEXT = /^(\d+)(?:\.(\d+))?$/;

/**
 * The exact integer form of a percent between 0 and 100 with at most 4 decimals, or null for anything else.
 * Takes the database's decimal text ("64.6000") or a JSON number. A number is read through its shortest
 * round-trip decimal text (ECMAScript `Number#toString`), so 64.6 reads as "64.6" and never as the binary
 * value 64.599999999999994315658113919198513031005859375.
 */
export function percentToPpm(percent: number | string): number | null {
  if (typeof percent === 'number' && !Number.isFinite(percent)) return null;
  const match = DECIMAL_TEXT.exec(String(percent));
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  // Trailing zeros past the 4th decimal change nothing ("5.00000" is 5 %); any other digit there is refused.
  if (/[1-9]/.test(fraction.slice(PERCENT_DECIMALS))) return null;
  if (whole.length > 3) return null;
  const ppm =
    Number(whole) * PPM_PER_PERCENT + Number(fraction.slice(0, PERCENT_DECIMALS).padEnd(PERCENT_DECIMALS, '0'));
  return ppm <= FULL_PPM ? ppm : null;
}

/** As `percentToPpm`, for values that were validated on the way in: an inexact one here is a bug. */
export function requirePercentPpm(percent: number | string): number {
  const ppm = percentToPpm(percent);
  if (ppm === null) throw new RangeError(`not a percent between 0 and 100 with at most 4 decimals: ${percent}`);
  return ppm;
}

/** Shortest decimal text of an exact percent ("64.6", "5", "0.0001"), as the database column takes it. */
export function ppmToPercentText(ppm: number): string {
  const whole = Math.trunc(ppm / PPM_PER_PERCENT);
  const fraction = String(ppm % PPM_PER_PERCENT)
    .padStart(PERCENT_DECIMALS, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
