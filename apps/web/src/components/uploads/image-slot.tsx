'use client';

import { ImageOff, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';
import { apiErrorInfo } from '@/lib/trpc';
import { FileDrop } from './file-drop';

const FRAMES = {
  square: 'h-28 w-28 rounded-lg',
  round: 'h-28 w-28 rounded-full',
  banner: 'aspect-[4/1] w-full rounded-lg',
} as const;

interface ImageSlotProps {
  /** "Store logo", "Banner", "Profile photo": used in labels, toasts and the remove dialog. */
  name: string;
  kind: 'store' | 'user';
  shape: keyof typeof FRAMES;
  currentUrl: string | null;
  /** Points the slot at an uploaded image (or clears it with null); resolves with the new read URL. */
  onSet: (mediaId: string | null) => Promise<string | null>;
  canEdit: boolean;
  hint?: string;
}

/** One image slot: the current image, a drop zone to replace it, and a confirmed remove. */
export function ImageSlot({ name, kind, shape, currentUrl, onSet, canEdit, hint }: ImageSlotProps) {
  const [url, setUrl] = useState(currentUrl);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const apply = async (mediaId: string | null) => {
    setSaving(true);
    try {
      setUrl(await onSet(mediaId));
      toast.success(mediaId ? `${name} updated` : `${name} removed`);
      setConfirming(false);
    } catch (error) {
      const info = apiErrorInfo(error);
      toast.error(info.requestId ? `${info.message} (reference ${info.requestId})` : info.message);
    } finally {
      setSaving(false);
    }
  };

  const remove = url ? (
    <Dialog open={confirming} onOpenChange={setConfirming}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="-ml-3 text-red-700 hover:bg-red-50" disabled={saving}>
          <Trash2 className="h-4 w-4" aria-hidden /> Remove {name.toLowerCase()}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Remove the ${name.toLowerCase()}?`}
        description="It disappears wherever it is shown. You can upload a new one at any time."
      >
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="destructive" onClick={() => apply(null)} disabled={saving}>
            {saving ? 'Removing…' : `Remove ${name.toLowerCase()}`}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  ) : null;

  return (
    <div className="space-y-4">
      <div className={cn('gap-4', shape === 'banner' ? 'space-y-2' : 'flex items-center')}>
        <div
          className={cn(
            'flex shrink-0 items-center justify-center overflow-hidden border border-gray-200 bg-gray-50',
            FRAMES[shape],
          )}
        >
          {url ? (
            // biome-ignore lint/performance/noImgElement: signed storage URLs are not for the Next image optimizer
            <img src={url} alt={`Current ${name.toLowerCase()}`} className="h-full w-full object-cover" />
          ) : (
            <span className="flex flex-col items-center gap-1 px-2 text-center text-xs text-gray-500">
              <ImageOff className="h-5 w-5" aria-hidden /> No {name.toLowerCase()}
            </span>
          )}
        </div>
        <div
          className={cn(
            'min-w-0',
            shape === 'banner' ? 'flex flex-wrap items-center justify-between gap-2' : 'flex-1 space-y-1',
          )}
        >
          {hint ? <p className="text-xs text-gray-500">{hint}</p> : null}
          {canEdit ? remove : null}
        </div>
      </div>
      {canEdit ? (
        <FileDrop
          kind={kind}
          label={`Upload a new ${name.toLowerCase()}`}
          disabled={saving}
          onUploaded={(id) => apply(id)}
        />
      ) : null}
    </div>
  );
}
