'use client';

import { TriangleAlert, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { useMediaUpload } from '@/components/uploads/use-media-upload';

export interface PendingUpload {
  key: string;
  file: File;
  /** Local object URL, so the image shows while its bytes travel. */
  previewUrl: string;
  mediaId?: string;
  failed?: boolean;
}

interface Props {
  item: PendingUpload;
  onDone: (key: string, mediaId: string) => void;
  onFailed: (key: string) => void;
  onDismiss: (key: string) => void;
}

const PHASE_TEXT = {
  idle: 'Waiting…',
  checking: 'Preparing…',
  uploading: 'Uploading…',
  finishing: 'Checking…',
  done: 'Added',
  error: 'Failed',
} as const;

/** One file on its way into the gallery: its preview, a progress bar, and the reason if it failed. */
export function GalleryUploadTile({ item, onDone, onFailed, onDismiss }: Props) {
  const { upload, progress, cancel } = useMediaUpload('product');
  const started = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each tile uploads its file exactly once
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void upload(item.file).then((mediaId) => (mediaId ? onDone(item.key, mediaId) : onFailed(item.key)));
  }, []);

  const failed = progress.phase === 'error';
  const isVideo = item.file.type.startsWith('video/');
  return (
    <li className="space-y-1.5" data-testid="gallery-upload">
      <div className="relative aspect-square overflow-hidden rounded-lg border border-gray-200 bg-gray-50">
        {isVideo ? (
          <span className="flex h-full items-center justify-center px-2 text-center text-xs text-gray-600">
            {item.file.name}
          </span>
        ) : (
          // biome-ignore lint/performance/noImgElement: a local object URL of the file being uploaded
          <img
            src={item.previewUrl}
            alt={`${item.file.name}, uploading`}
            className="h-full w-full object-cover opacity-60"
          />
        )}
        {failed ? (
          <div className="absolute inset-0 flex items-center justify-center bg-red-50/90 p-2">
            <TriangleAlert aria-hidden className="size-6 text-red-700" />
          </div>
        ) : null}
      </div>
      {failed ? (
        <div className="flex items-start justify-between gap-1">
          <p role="alert" className="min-w-0 text-xs font-medium text-red-700">
            {item.file.name}: {progress.error}
          </p>
          <Button
            variant="ghost"
            size="sm"
            className="h-7 w-7 shrink-0 px-0"
            onClick={() => onDismiss(item.key)}
            aria-label={`Dismiss ${item.file.name}`}
          >
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      ) : (
        <div className="flex items-center gap-2">
          <div
            role="progressbar"
            aria-label={`Uploading ${item.file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            className="h-1.5 flex-1 overflow-hidden rounded-full bg-gray-200"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${progress.percent}%` }} />
          </div>
          <span className="shrink-0 text-xs tabular-nums text-gray-600">
            {progress.phase === 'uploading' ? `${progress.percent}%` : PHASE_TEXT[progress.phase]}
          </span>
          {progress.phase === 'uploading' ? (
            <Button
              variant="ghost"
              size="sm"
              className="h-7 w-7 shrink-0 px-0"
              onClick={cancel}
              aria-label={`Cancel upload of ${item.file.name}`}
            >
              <X aria-hidden className="size-4" />
            </Button>
          ) : null}
        </div>
      )}
    </li>
  );
}
