import { AppError, type PasswordHasher } from '@pf/domain';
import argon2 from 'argon2';
import pLimit from 'p-limit';
import { createClientSlots } from './client-slots';

export interface Argon2Options {
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
  /** Hashes running at once; more only queue up and starve the event loop's other work. */
  concurrency: number;
  /** Queued hashes beyond this are refused at once (a login flood must not delay everyone). */
  maxQueued: number;
  /** Hashes one client may have queued or running; beyond it that client is refused with a 429. */
  maxPerClient: number;
}

export interface ClientHasher extends PasswordHasher {
  /** Verifies against a fixed dummy hash so an unknown email costs the same time as a wrong password. */
  verifyDummy(password: string): Promise<false>;
}

export interface MeteredHasher extends ClientHasher {
  /** The same hasher, with its work counted against `client`'s share of the queue (its IP address). */
  forClient(client: string): ClientHasher;
  /** `refused`: queue full (OVERLOADED); `refusedPerClient`: a client over its share (RATE_LIMIT_EXCEEDED). */
  readonly stats: { hashes: number; verifies: number; refused: number; refusedPerClient: number };
}

export function createArgon2Hasher(options: Argon2Options): MeteredHasher {
  const limit = pLimit(options.concurrency);
  const slots = createClientSlots(options.maxPerClient);
  const stats = {
    hashes: 0,
    verifies: 0,
    refused: 0,
    get refusedPerClient() {
      return slots.stats.refused;
    },
  };
  const params = {
    type: argon2.argon2id as 2,
    memoryCost: options.memoryKiB,
    timeCost: options.timeCost,
    parallelism: options.parallelism,
  };
  let dummy: Promise<string> | undefined;

  const schedule = <T>(work: () => Promise<T>): Promise<T> => {
    if (limit.pendingCount >= options.maxQueued) {
      stats.refused++;
      return Promise.reject(new AppError('OVERLOADED', 'Too many sign-ins in progress. Try again in a moment.'));
    }
    return limit(work);
  };

  const verify = (encoded: string, password: string) =>
    schedule(async () => {
      stats.verifies++;
      try {
        return await argon2.verify(encoded, password);
      } catch {
        return false;
      }
    });

  const hash = (password: string) =>
    schedule(() => {
      stats.hashes++;
      return argon2.hash(password, params);
    });

  async function verifyDummy(password: string): Promise<false> {
    dummy ??= argon2.hash('dummy-password-for-timing', params);
    await verify(await dummy, password);
    return false;
  }

  return {
    stats,
    hash,
    verify,
    verifyDummy,
    forClient: (client) => ({
      hash: (password) => slots.run(client, () => hash(password)),
      verify: (encoded, password) => slots.run(client, () => verify(encoded, password)),
      verifyDummy: (password) => slots.run(client, () => verifyDummy(password)),
    }),
  };
}
