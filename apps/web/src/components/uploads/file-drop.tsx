'use client';

import { ALLOWED_MIME_TYPES, describeMimeTypes, type MediaKind } from '@pf/domain';
import { FileUp, X } from 'lucide-react';
import { type DragEvent, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { useMediaUpload } from './use-media-upload';

interface FileDropProps {
  kind: MediaKind;
  label: string;
  /** Called with the stored media id once the worker has confirmed the object. */
  onUploaded: (mediaId: string, file: File) => void;
  disabled?: boolean;
  className?: string;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const PHASE_TEXT = {
  checking: 'Preparing upload…',
  uploading: 'Uploading',
  finishing: 'Checking the file…',
} as const;

/** Drag-and-drop or pick a file; shows progress, and errors in words (UI.md uploads pattern). */
export function FileDrop({ kind, label, onUploaded, disabled, className }: FileDropProps) {
  const inputId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { upload, progress, cancel, reset } = useMediaUpload(kind);
  const busy = progress.phase === 'checking' || progress.phase === 'uploading' || progress.phase === 'finishing';

  async function accept(file: File | undefined) {
    if (!file || busy || disabled) return;
    const mediaId = await upload(file);
    if (mediaId) onUploaded(mediaId, file);
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void accept(event.dataTransfer.files[0]);
  };

  return (
    <div className={cn('space-y-2', className)}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; keyboards use the file input inside */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid={`file-drop-${kind}`}
        className={cn(
          'flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600',
          dragging ? 'border-brand-600 bg-brand-50' : 'border-gray-300 bg-white',
          disabled && 'opacity-60',
        )}
      >
        <FileUp aria-hidden className="size-6 text-gray-500" />
        <p className="text-sm text-gray-700">
          Drag a file here or{' '}
          <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline underline-offset-2">
            choose one
          </label>
        </p>
        <p className="text-xs text-gray-500">{capitalized(describeMimeTypes(ALLOWED_MIME_TYPES[kind]))}, up to 20 MB</p>
        <input
          ref={input}
          id={inputId}
          type="file"
          aria-label={label}
          aria-describedby={statusId}
          accept={ALLOWED_MIME_TYPES[kind].join(',')}
          disabled={disabled || busy}
          className="sr-only"
          onChange={(event) => {
            void accept(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <div id={statusId} aria-live="polite" className="text-sm">
        {busy ? (
          <div className="flex items-center gap-3">
            <div
              role="progressbar"
              aria-label={`${label} upload progress`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress.percent}
              className="h-2 flex-1 overflow-hidden rounded-full bg-gray-200"
            >
              <div className="h-full bg-brand-600 transition-all" style={{ width: `${progress.percent}%` }} />
            </div>
            <span className="shrink-0 text-xs text-gray-600">
              {PHASE_TEXT[progress.phase as keyof typeof PHASE_TEXT]}
              {progress.phase === 'uploading' ? ` ${progress.percent}%` : ''}
            </span>
            {progress.phase === 'uploading' ? (
              <Button type="button" variant="ghost" size="sm" onClick={cancel} aria-label="Cancel upload">
                <X aria-hidden className="size-4" />
              </Button>
            ) : null}
          </div>
        ) : progress.phase === 'error' ? (
          <p className="flex items-center gap-2 font-medium text-red-700">
            {progress.error}
            <button type="button" className="text-xs underline" onClick={reset}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
