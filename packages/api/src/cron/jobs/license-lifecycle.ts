import type { AppDeps } from '../../deps';
import {
  expireLicense,
  type LifecycleCandidate,
  licensesToExpire,
  licensesToPurge,
  licensesToWarn,
  overdueVerifiedLicenses,
  warnExpiringLicense,
} from '../../services/licenses/lifecycle';
import { purgeLicense } from '../../services/licenses/purge-license';
import type { CronJob } from '../types';

interface StepResult {
  done: number;
  failed: number;
}

/**
 * One transaction per license, so one bad license (say, its document is still referenced elsewhere) neither
 * rolls back nor blocks the others; it is logged, counted, and retried next run.
 */
async function forEachLicense(
  deps: AppDeps,
  step: string,
  candidates: LifecycleCandidate[],
  signal: AbortSignal,
  act: (license: LifecycleCandidate) => Promise<boolean>,
): Promise<StepResult> {
  const result = { done: 0, failed: 0 };
  for (const license of candidates) {
    if (signal.aborted) break;
    try {
      if (await act(license)) result.done++;
    } catch (error) {
      result.failed++;
      deps.logger.error({ err: error, step, licenseId: license.id }, 'license lifecycle step failed');
    }
  }
  return result;
}

/**
 * DOMAIN §7 `license-lifecycle`: warn (14 days ahead, once), expire (verified past expiration), purge
 * (expired 30 days ago). Purge runs before expire so that a license only just expired is never removed in
 * the same run. A run where any license failed reports failure (metrics, `cron_jobs`) after finishing the rest.
 */
export const licenseLifecycleJob: CronJob = {
  name: 'license-lifecycle',
  schedule: (config) => config.CRON_LICENSE_LIFECYCLE,
  async run(deps, signal) {
    const now = deps.clock.now();
    const warned = await forEachLicense(deps, 'warn', await licensesToWarn(deps, now), signal, (license) =>
      warnExpiringLicense(deps, license, now),
    );
    const purged = await forEachLicense(deps, 'purge', await licensesToPurge(deps, now), signal, (license) =>
      purgeLicense(deps, license, now),
    );
    const expired = await forEachLicense(deps, 'expire', await licensesToExpire(deps, now), signal, (license) =>
      expireLicense(deps, license, now),
    );
    const overdue = await overdueVerifiedLicenses(deps, now);
    if (overdue.length > 0) {
      // Beyond the 30-day lookback the job does not act (DOMAIN §7); an admin must look at these.
      deps.logger.warn(
        { count: overdue.length, licenseIds: overdue.slice(0, 20).map((license) => license.id) },
        'verified licenses expired more than 30 days ago were never expired: review them',
      );
    }
    const failed = warned.failed + purged.failed + expired.failed;
    const summary = {
      warned: warned.done,
      expired: expired.done,
      purged: purged.done,
      overdueVerified: overdue.length,
      failed,
      complete: !signal.aborted,
    };
    if (failed > 0) throw new Error(`license-lifecycle: ${failed} license(s) failed: ${JSON.stringify(summary)}`);
    return summary;
  },
};
