'use client';

import { ImageOff } from 'lucide-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { cn } from '@/lib/cn';

export interface GalleryImage {
  mediaId: string;
  url: string;
  /** The same image at thumbnail size (the original when there is no small rendition). */
  thumbnailUrl: string;
}

/**
 * Main image plus a row of thumbnails. Thumbnails are buttons (Tab, Enter/Space); the arrow keys, Home and
 * End move between them too. The selected one is marked with aria-pressed and a ring, not colour alone.
 */
export function ProductGallery({ title, images }: { title: string; images: GalleryImage[] }) {
  const [selected, setSelected] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = images[selected] ?? images[0];

  if (!current) {
    return (
      <div className="flex aspect-[4/3] w-full items-center justify-center rounded-lg border border-gray-200 bg-gray-100 text-gray-400">
        <ImageOff className="h-10 w-10" aria-hidden />
        <span className="sr-only">No images of this product yet</span>
      </div>
    );
  }

  const move = (event: KeyboardEvent, index: number) => {
    const last = images.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    setSelected(target);
    buttons.current[target]?.focus();
  };

  return (
    <div className="space-y-3" data-testid="gallery">
      <div className="overflow-hidden rounded-lg border border-gray-200 bg-gray-100">
        {/* biome-ignore lint/performance/noImgElement: signed storage URL with explicit size. */}
        <img
          src={current.url}
          alt={images.length > 1 ? `${title}, image ${selected + 1} of ${images.length}` : title}
          width={800}
          height={600}
          className="aspect-[4/3] h-auto w-full object-cover"
        />
      </div>
      {images.length > 1 ? (
        <ul aria-label="Product images" className="flex gap-2 overflow-x-auto pb-1">
          {images.map((image, index) => (
            <li key={image.mediaId} className="shrink-0">
              <button
                type="button"
                ref={(node) => {
                  buttons.current[index] = node;
                }}
                aria-pressed={index === selected}
                aria-label={`Show image ${index + 1} of ${images.length}`}
                onClick={() => setSelected(index)}
                onKeyDown={(event) => move(event, index)}
                className={cn(
                  'block overflow-hidden rounded-md border-2 bg-gray-100',
                  index === selected ? 'border-brand-700' : 'border-transparent hover:border-gray-300',
                )}
              >
                {/* biome-ignore lint/performance/noImgElement: signed storage URL with explicit size. */}
                <img
                  src={image.thumbnailUrl}
                  alt=""
                  width={72}
                  height={54}
                  loading="lazy"
                  className="h-[54px] w-[72px] object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
