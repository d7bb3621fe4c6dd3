import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createGcsObjectStorage, createLocalObjectStorage, type LocalObjectStorage } from '@pf/adapters';
import type { Clock, ObjectStorage } from '@pf/domain';
import type { Config } from './config';

/**
 * Without STORAGE_SIGNING_SECRET (development, embedded) the key is derived from the auth secret, so
 * nobody has to configure one and URLs survive restarts; a separate label keeps the two keys unrelated.
 */
export const storageSigningSecretFor = (config: Config, authSecret: string) =>
  config.STORAGE_SIGNING_SECRET ??
  createHash('sha256').update(`local-storage-signing:${authSecret}`).digest('base64url');

/** A folder chosen at run time: the ignore comment keeps Next's file tracing from copying the whole project. */
export const storageRootFor = (config: Config) =>
  resolve(/*turbopackIgnore: true*/ config.STORAGE_ROOT ?? join(config.DATA_DIR, 'storage'));

/** The adapter STORAGE_DRIVER names. The GCS client library itself is only imported on first use. */
export function createObjectStorageFromConfig(config: Config, clock: Clock, authSecret: string): ObjectStorage {
  if (config.STORAGE_DRIVER === 'gcs' && config.GCS_BUCKET) {
    return createGcsObjectStorage({ bucket: config.GCS_BUCKET, clock });
  }
  return createLocalObjectStorage({
    root: storageRootFor(config),
    publicBaseUrl: config.APP_URL,
    secret: storageSigningSecretFor(config, authSecret),
    clock,
  });
}

/** The local adapter, whose signed URLs this app serves itself; null when objects live in GCS. */
export const localStorageOf = (storage: ObjectStorage): LocalObjectStorage | null =>
  storage.kind === 'local' && 'receiveUpload' in storage && 'openDownload' in storage
    ? (storage as LocalObjectStorage)
    : null;
