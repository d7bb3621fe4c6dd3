'use client';

import { AppError, type MediaKind, validateUploadRequest } from '@pf/domain';

export type UploadPhase = 'idle' | 'checking' | 'uploading' | 'finishing' | 'done' | 'error';

export interface UploadProgress {
  phase: UploadPhase;
  /** 0–100 while bytes travel. */
  percent: number;
  error?: string;
}

/** The same per-kind rules the server applies, checked before any byte leaves the browser. */
export function checkFileBeforeUpload(kind: MediaKind, file: File): string | null {
  try {
    validateUploadRequest({
      kind,
      mimeType: file.type || 'application/octet-stream',
      fileName: file.name,
      sizeBytes: file.size,
    });
    return null;
  } catch (error) {
    return error instanceof AppError ? error.message : 'This file cannot be uploaded.';
  }
}

/**
 * PUTs the bytes to the signed URL with XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves when storage accepted the object; rejects with a readable message otherwise.
 */
export function putWithProgress(
  target: { uploadUrl: string; headers: Record<string, string> },
  file: File,
  onPercent: (percent: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', target.uploadUrl);
    for (const [name, value] of Object.entries(target.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onPercent(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve();
      reject(new Error(storageErrorMessage(request.responseText, request.status)));
    };
    request.onerror = () => reject(new Error('The upload was interrupted. Check your connection and try again.'));
    request.onabort = () => reject(new Error('Upload cancelled.'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

function storageErrorMessage(body: string, status: number): string {
  try {
    const parsed = JSON.parse(body) as { message?: string };
    if (parsed.message) return parsed.message;
  } catch {
    // Not JSON (GCS answers XML): fall through to a generic sentence.
  }
  return status === 403 ? 'The upload link has expired. Try again.' : `Storage refused the file (HTTP ${status}).`;
}
