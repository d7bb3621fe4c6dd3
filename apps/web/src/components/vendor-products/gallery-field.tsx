'use client';

import { ALLOWED_MIME_TYPES, type galleryItemDto, MAX_GALLERY_ITEMS } from '@pf/domain';
import { ImagePlus } from 'lucide-react';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { cn } from '@/lib/cn';
import { countOf } from '@/lib/plural';
import { type GalleryPreview, GalleryTile } from './gallery-tile';
import { GalleryUploadTile, type PendingUpload } from './gallery-upload-tile';

interface Props {
  value: string[];
  onChange: (mediaIds: string[]) => void;
  /** The stored gallery with read URLs (empty for a new product). */
  known: z.infer<typeof galleryItemDto>[];
  /** Errors per position, and one for the whole list. */
  itemErrors: (string | undefined)[];
  error?: string;
  disabled?: boolean;
  onBusyChange: (busy: boolean) => void;
}

const moved = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/** Product photos: drop or pick several, watch them upload, reorder, remove. The first one is the thumbnail. */
export function GalleryField({ value, onChange, known, itemErrors, error, disabled, onBusyChange }: Props) {
  const inputId = useId();
  const [previews, setPreviews] = useState<Record<string, GalleryPreview>>({});
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState('');
  const [announcement, setAnnouncement] = useState('');
  /** Local previews of this session's uploads, released when the editor goes away. */
  const objectUrls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const url of objectUrls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  useEffect(() => {
    setPreviews((current) => ({
      ...current,
      ...Object.fromEntries(known.map((item) => [item.mediaId, { url: item.url, mimeType: item.mimeType }])),
    }));
  }, [known]);

  const busy = pending.some((item) => !item.failed);
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  // Finished uploads join the gallery in the order the files were chosen, whatever order they finish in.
  useEffect(() => {
    const lead: PendingUpload[] = [];
    for (const item of pending) {
      if (!item.mediaId && !item.failed) break;
      lead.push(item);
    }
    const done = lead.filter((item) => item.mediaId);
    if (done.length === 0) return;
    onChange([...value, ...done.map((item) => item.mediaId as string)]);
    setPending((current) => current.filter((item) => !done.includes(item)));
    setAnnouncement(`${countOf(done.length, { one: 'image', other: 'images' })} added.`);
  }, [pending, value, onChange]);

  const addFiles = (files: File[]) => {
    if (disabled || files.length === 0) return;
    const room = MAX_GALLERY_ITEMS - value.length - pending.filter((item) => !item.failed).length;
    const taken = files.slice(0, Math.max(0, room));
    setNotice(
      files.length > taken.length
        ? `A product can have at most ${MAX_GALLERY_ITEMS} images; ${files.length - taken.length} not added.`
        : '',
    );
    const added = taken.map((file) => {
      const previewUrl = URL.createObjectURL(file);
      objectUrls.current.push(previewUrl);
      return { key: previewUrl, file, previewUrl };
    });
    setPending((current) => [...current, ...added]);
  };

  const settle = (key: string, change: Partial<PendingUpload>) =>
    setPending((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const onDone = (key: string, mediaId: string) => {
    const item = pending.find((entry) => entry.key === key);
    setPreviews((current) => ({
      ...current,
      [mediaId]: { url: item?.previewUrl ?? null, mimeType: item?.file.type ?? '' },
    }));
    settle(key, { mediaId });
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= value.length || from === to) return;
    onChange(moved(value, from, to));
    setAnnouncement(`Image moved to position ${to + 1} of ${value.length}.`);
    const direction = to < from ? 'earlier' : 'later';
    requestAnimationFrame(() => {
      const button = document.querySelector<HTMLButtonElement>(`[data-gallery-move="${direction}-${to}"]`);
      (button && !button.disabled
        ? button
        : document.querySelector<HTMLButtonElement>(`[data-gallery-move$="-${to}"]:not(:disabled)`)
      )?.focus();
    });
  };
  const remove = (index: number) => {
    onChange(value.filter((_, position) => position !== index));
    setAnnouncement(`Image ${index + 1} removed.`);
  };

  const onDrop = (event: DragEvent) => {
    setDragging(false);
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    addFiles([...event.dataTransfer.files]);
  };

  return (
    <div className="space-y-3">
      {value.length + pending.length > 0 ? (
        <ul aria-label="Product images" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {value.map((mediaId, index) => (
            <GalleryTile
              key={mediaId}
              mediaId={mediaId}
              index={index}
              count={value.length}
              preview={previews[mediaId]}
              error={itemErrors[index]}
              disabled={disabled}
              onMove={move}
              onRemove={remove}
            />
          ))}
          {pending.map((item) => (
            <GalleryUploadTile
              key={item.key}
              item={item}
              onDone={onDone}
              onFailed={(key) => settle(key, { failed: true })}
              onDismiss={(key) => setPending((current) => current.filter((entry) => entry.key !== key))}
            />
          ))}
        </ul>
      ) : null}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; keyboards use the file input */}
      <div
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files') || disabled) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="gallery-drop"
        className={cn(
          'flex flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-5 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600',
          dragging ? 'border-brand-600 bg-brand-50' : 'border-gray-300 bg-white',
          disabled && 'opacity-60',
        )}
      >
        <ImagePlus aria-hidden className="size-6 text-gray-500" />
        <p className="text-sm text-gray-700">
          Drag images here or{' '}
          <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline underline-offset-2">
            choose files
          </label>
        </p>
        <p className="text-xs text-gray-500">
          PNG, JPEG, WebP, GIF or a short MP4/WebM; up to 20 MB each, {MAX_GALLERY_ITEMS} per product. The first image
          is the thumbnail.
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          aria-label="Add product images"
          accept={ALLOWED_MIME_TYPES.product.join(',')}
          disabled={disabled}
          className="sr-only"
          onChange={(event) => {
            addFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
      {notice || error ? <p className="text-xs font-medium text-red-700">{error ?? notice}</p> : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
