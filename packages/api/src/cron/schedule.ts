import { CronExpressionParser } from 'cron-parser';

/** A job's schedule setting: a cron expression, or `off` to disable the job. */
export const DISABLED = 'off';

/** Why `expression` is not a usable schedule, or null when it is. */
export function scheduleProblem(expression: string, timezone = 'UTC'): string | null {
  if (expression === DISABLED) return null;
  try {
    CronExpressionParser.parse(expression, { tz: timezone, strict: false }).next();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The first slot of `expression` strictly after `after`. */
export function nextRunAfter(expression: string, after: Date, timezone = 'UTC'): Date {
  return CronExpressionParser.parse(expression, { currentDate: after, tz: timezone }).next().toDate();
}
