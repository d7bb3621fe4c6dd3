import type { media } from '@pf/db';
import type { MediaDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { signedReadUrl } from './read-url';

export type MediaRow = typeof media.$inferSelect;

export const toMediaDto = async (deps: AppDeps, row: MediaRow): Promise<MediaDto> => ({
  id: row.id,
  storeId: row.storeId,
  userId: row.userId,
  kind: row.kind,
  status: row.status,
  fileName: row.fileName,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  createdAt: row.createdAt.toISOString(),
  uploadedAt: row.uploadedAt?.toISOString() ?? null,
  url: await signedReadUrl(deps, row),
  failure:
    row.status === 'failed' && row.failureCode
      ? { code: row.failureCode, message: row.failureMessage ?? 'Storage refused the file.' }
      : null,
});
