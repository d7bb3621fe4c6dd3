'use client';

import type { MediaKind } from '@pf/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useTRPC } from '@/lib/trpc';
import { DocumentPreview } from './document-preview';
import { FileDrop } from './file-drop';

interface DocumentFieldProps {
  kind: MediaKind;
  label: string;
  mediaId: string | null;
  onChange: (mediaId: string | null) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * A document slot in a form: a drop zone until a file is stored, then its preview with a way to pick another.
 * A replaced file that nothing uses yet is deleted so it does not linger in the store's library.
 */
export function DocumentField({ kind, label, mediaId, onChange, error, disabled }: DocumentFieldProps) {
  const trpc = useTRPC();
  const stored = useQuery({ ...trpc.media.get.queryOptions({ mediaId: mediaId ?? '' }), enabled: Boolean(mediaId) });
  const discard = useMutation(trpc.media.delete.mutationOptions());

  const replace = () => {
    if (mediaId) discard.mutate({ mediaId });
    onChange(null);
  };

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-gray-800">{label}</p>
      {mediaId ? (
        stored.data ? (
          <div className="space-y-2">
            <DocumentPreview
              url={stored.data.url}
              mimeType={stored.data.mimeType}
              title={`Preview of ${stored.data.fileName}`}
              size="compact"
            />
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="min-w-0 truncate text-gray-700" data-testid="uploaded-file-name">
                {stored.data.fileName}
              </span>
              <Button variant="secondary" size="sm" onClick={replace} disabled={disabled}>
                <RefreshCw className="h-4 w-4" aria-hidden /> Use another file
              </Button>
            </div>
          </div>
        ) : (
          <Skeleton className="h-72 w-full" />
        )
      ) : (
        <FileDrop kind={kind} label={label} onUploaded={(id) => onChange(id)} disabled={disabled} />
      )}
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
