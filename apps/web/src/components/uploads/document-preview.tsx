import { ExternalLink } from 'lucide-react';
import { cn } from '@/lib/cn';

const HEIGHTS = { compact: 'h-72', full: 'h-[36rem] max-h-[75vh]' } as const;

/**
 * Inline preview of a stored document: images as images, PDFs in the browser's viewer. The URL is a
 * short-lived signed one, so a reload after it expires shows the fallback link rather than stale bytes.
 */
export function DocumentPreview({
  url,
  mimeType,
  title,
  size = 'full',
}: {
  url: string | null;
  mimeType: string;
  title: string;
  size?: keyof typeof HEIGHTS;
}) {
  if (!url) {
    return (
      <div
        className={cn(
          'flex items-center justify-center rounded-lg border border-dashed border-gray-300 px-4 text-center text-sm text-gray-500',
          HEIGHTS[size],
        )}
      >
        The document is still being processed.
      </div>
    );
  }
  const isImage = mimeType.startsWith('image/');
  return (
    <div className="space-y-2">
      {isImage ? (
        // biome-ignore lint/performance/noImgElement: signed storage URLs are not for the Next image optimizer
        <img
          src={url}
          alt={title}
          className={cn('w-full rounded-lg border border-gray-200 bg-gray-50 object-contain', HEIGHTS[size])}
        />
      ) : (
        <iframe
          src={url}
          title={title}
          data-testid="document-preview"
          className={cn('w-full rounded-lg border border-gray-200 bg-gray-50', HEIGHTS[size])}
        />
      )}
      <a
        href={url}
        target="_blank"
        rel="noreferrer"
        className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
      >
        <ExternalLink aria-hidden className="h-4 w-4" /> Open in a new tab
      </a>
    </div>
  );
}
