'use client';

import { ArrowLeft, ArrowRight, ImageOff, Trash2 } from 'lucide-react';
import type { DragEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';

export const GALLERY_DRAG_TYPE = 'application/x-pf-gallery-index';

export interface GalleryPreview {
  url: string | null;
  mimeType: string;
}

interface Props {
  mediaId: string;
  index: number;
  count: number;
  preview: GalleryPreview | undefined;
  error?: string;
  disabled?: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

const MOVE_ICONS = { earlier: ArrowLeft, later: ArrowRight };

/** Moves an image one place; the keyboard and touch way to reorder (dragging needs a pointer). */
function MoveButton({
  direction,
  index,
  disabled,
  onClick,
}: {
  direction: keyof typeof MOVE_ICONS;
  index: number;
  disabled?: boolean;
  onClick: () => void;
}) {
  const Icon = MOVE_ICONS[direction];
  return (
    <Button
      variant="secondary"
      size="sm"
      className="h-8 w-8 px-0"
      data-gallery-move={`${direction}-${index}`}
      aria-label={`Move image ${index + 1} ${direction}`}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon aria-hidden className="size-4" />
    </Button>
  );
}

/**
 * A stored gallery image: the first is the thumbnail. Reordering works by dragging (pointer) or with the
 * earlier/later buttons (keyboard, touch); both end in the same move.
 */
export function GalleryTile({ mediaId, index, count, preview, error, disabled, onMove, onRemove }: Props) {
  const position = index + 1;
  const name = `Product image ${position} of ${count}${index === 0 ? ', thumbnail' : ''}`;
  const onDrop = (event: DragEvent) => {
    const from = event.dataTransfer.getData(GALLERY_DRAG_TYPE);
    if (from === '') return;
    event.preventDefault();
    onMove(Number(from), index);
  };
  return (
    <li
      className="space-y-1.5"
      data-testid="gallery-item"
      data-media-id={mediaId}
      draggable={!disabled}
      onDragStart={(event) => {
        event.dataTransfer.setData(GALLERY_DRAG_TYPE, String(index));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(GALLERY_DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      <div
        className={cn(
          'relative aspect-square cursor-grab overflow-hidden rounded-lg border bg-gray-50',
          error ? 'border-red-600' : 'border-gray-200',
        )}
      >
        {preview?.url && preview.mimeType.startsWith('video/') ? (
          <video src={preview.url} muted aria-label={name} className="h-full w-full object-cover" />
        ) : preview?.url ? (
          // biome-ignore lint/performance/noImgElement: signed storage URLs are not for the Next image optimizer
          <img src={preview.url} alt={name} width={160} height={160} className="h-full w-full object-cover" />
        ) : (
          <span role="img" aria-label={name} className="flex h-full items-center justify-center">
            <ImageOff aria-hidden className="size-6 text-gray-400" />
          </span>
        )}
        {index === 0 ? (
          <Badge tone="info" className="absolute left-1.5 top-1.5 bg-white">
            Thumbnail
          </Badge>
        ) : null}
      </div>
      <div className="flex items-center justify-between gap-1">
        <div className="flex gap-1">
          <MoveButton
            direction="earlier"
            index={index}
            disabled={disabled || index === 0}
            onClick={() => onMove(index, index - 1)}
          />
          <MoveButton
            direction="later"
            index={index}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(index, index + 1)}
          />
        </div>
        <Button
          variant="ghost"
          size="sm"
          className="h-8 w-8 px-0 text-red-700 hover:bg-red-50"
          aria-label={`Remove image ${position}`}
          disabled={disabled}
          onClick={() => onRemove(index)}
        >
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </li>
  );
}
