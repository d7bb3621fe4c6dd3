'use client';

import { useQuery } from '@tanstack/react-query';
import { Download, FileText, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { FileDrop } from '@/components/uploads/file-drop';
import { useTRPC } from '@/lib/trpc';

interface Props {
  mediaId: string | null;
  onChange: (mediaId: string | null) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * The certificate of analysis: a PDF dropped or picked here, then its name with a link to open it and a way
 * to take it off the product. Removing only detaches it; the file stays in the store's library, because a
 * stored product may still point at it until the change is saved.
 */
export function CoaField({ mediaId, onChange, error, disabled }: Props) {
  const trpc = useTRPC();
  const stored = useQuery({ ...trpc.media.get.queryOptions({ mediaId: mediaId ?? '' }), enabled: Boolean(mediaId) });
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-gray-800">Certificate of analysis (COA)</p>
      {mediaId ? (
        stored.data ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-gray-200 bg-gray-50 px-3 py-3">
            <FileText aria-hidden className="size-8 shrink-0 text-red-700" />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-gray-900" data-testid="coa-file-name">
                {stored.data.fileName}
              </p>
              {stored.data.url ? (
                <a
                  href={stored.data.url}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-1 whitespace-nowrap text-sm font-medium text-brand-700 hover:underline"
                >
                  <Download aria-hidden className="size-4" /> Open PDF
                  <span className="sr-only"> {stored.data.fileName} (new tab)</span>
                </a>
              ) : (
                <p className="text-xs text-gray-600">Still being processed…</p>
              )}
            </div>
            <Button
              variant="ghost"
              size="sm"
              className="text-red-700 hover:bg-red-50"
              onClick={() => onChange(null)}
              disabled={disabled}
            >
              <Trash2 aria-hidden className="size-4" /> Remove COA
            </Button>
          </div>
        ) : stored.isError ? (
          <div className="flex items-center justify-between gap-2 rounded-lg border border-gray-200 px-3 py-3 text-sm">
            <span className="text-gray-700">The COA file cannot be read right now.</span>
            <Button variant="ghost" size="sm" onClick={() => onChange(null)} disabled={disabled}>
              Remove COA
            </Button>
          </div>
        ) : (
          <Skeleton className="h-16 w-full" />
        )
      ) : (
        <FileDrop
          kind="coa"
          label="Certificate of analysis (PDF)"
          onUploaded={(id) => onChange(id)}
          disabled={disabled}
        />
      )}
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
