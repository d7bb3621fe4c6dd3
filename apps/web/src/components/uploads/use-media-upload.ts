'use client';

import type { MediaDto, MediaKind } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTRPC } from '@/lib/trpc';
import { checkFileBeforeUpload, putWithProgress, type UploadProgress } from '@/lib/upload';

const FINALIZE_POLL_MS = 400;
const FINALIZE_TIMEOUT_MS = 30_000;

/** Polls the media row until the storage notification has marked it stored (or failed). */
async function waitUntilStored(fetchMedia: (mediaId: string) => Promise<MediaDto>, mediaId: string) {
  const deadline = Date.now() + FINALIZE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const media = await fetchMedia(mediaId);
    if (media.status === 'uploaded' || media.status === 'ready') return;
    // The server says why (e.g. a web page renamed to .png): its message is written for the user.
    if (media.status === 'failed') throw new Error(media.failure?.message ?? 'Storage rejected the file.');
    await new Promise((resolve) => setTimeout(resolve, FINALIZE_POLL_MS));
  }
  throw new Error('The upload is taking longer than expected. Refresh in a minute to see it.');
}

/**
 * Request a signed URL, send the bytes, then wait until the worker has confirmed the object (the media row
 * turns `uploaded`), so the caller can attach the media id right away.
 */
export function useMediaUpload(kind: MediaKind) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const createUpload = useMutation(trpc.media.createUpload.mutationOptions());
  const [progress, setProgress] = useState<UploadProgress>({ phase: 'idle', percent: 0 });
  const abort = useRef<AbortController | null>(null);

  const fetchMedia = (mediaId: string) =>
    queryClient.fetchQuery({ ...trpc.media.get.queryOptions({ mediaId }), staleTime: 0 });

  const upload = async (file: File): Promise<string | null> => {
    const problem = checkFileBeforeUpload(kind, file);
    if (problem) {
      setProgress({ phase: 'error', percent: 0, error: problem });
      return null;
    }
    abort.current = new AbortController();
    try {
      setProgress({ phase: 'checking', percent: 0 });
      const target = await createUpload.mutateAsync({
        kind,
        mimeType: file.type,
        fileName: file.name,
        sizeBytes: file.size,
      });
      setProgress({ phase: 'uploading', percent: 0 });
      await putWithProgress(
        target,
        file,
        (percent) => setProgress({ phase: 'uploading', percent }),
        abort.current.signal,
      );
      setProgress({ phase: 'finishing', percent: 100 });
      await waitUntilStored(fetchMedia, target.mediaId);
      setProgress({ phase: 'done', percent: 100 });
      return target.mediaId;
    } catch (error) {
      setProgress({ phase: 'error', percent: 0, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  return {
    upload,
    progress,
    cancel: () => abort.current?.abort(),
    reset: () => setProgress({ phase: 'idle', percent: 0 }),
  };
}
