'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ImageSlot } from '@/components/uploads/image-slot';
import { useTRPC } from '@/lib/trpc';

/** The signed-in person's photo, shown in the account menu and on their team entry. */
export function AvatarSettings({ currentUrl, canUpload }: { currentUrl: string | null; canUpload: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setAvatar = useMutation(trpc.auth.setAvatar.mutationOptions());
  return (
    <ImageSlot
      name="Profile photo"
      kind="user"
      shape="round"
      currentUrl={currentUrl}
      canEdit={canUpload}
      hint="A square photo of your face works best."
      onSet={async (mediaId) => {
        const result = await setAvatar.mutateAsync({ mediaId });
        router.refresh();
        return result.avatarUrl;
      }}
    />
  );
}
