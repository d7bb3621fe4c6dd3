'use client';

import type { StoreDto } from '@pf/domain';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { ImageSlot } from '@/components/uploads/image-slot';
import { useTRPC } from '@/lib/trpc';

/** Logo and banner, as buyers see them on the store's page and product cards. */
export function StoreImages({ profile, canEdit }: { profile: StoreDto; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setLogo = useMutation(trpc.store.setLogo.mutationOptions());
  const setBanner = useMutation(trpc.store.setBanner.mutationOptions());
  /** The server page shows the images elsewhere too (store switcher, profile): refresh it. */
  const refreshed = (url: string | null) => {
    router.refresh();
    return url;
  };
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-3">
      <Card>
        <CardHeader>
          <CardTitle>Logo</CardTitle>
        </CardHeader>
        <CardBody>
          <ImageSlot
            name="Logo"
            kind="store"
            shape="square"
            currentUrl={profile.logoUrl}
            canEdit={canEdit}
            hint="Square, at least 256 × 256 px."
            onSet={async (mediaId) => {
              const store = await setLogo.mutateAsync({ mediaId });
              return refreshed(store.logoUrl);
            }}
          />
        </CardBody>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Banner</CardTitle>
        </CardHeader>
        <CardBody>
          <ImageSlot
            name="Banner"
            kind="store"
            shape="banner"
            currentUrl={profile.bannerUrl}
            canEdit={canEdit}
            hint="Wide, about 1600 × 400 px."
            onSet={async (mediaId) => {
              const store = await setBanner.mutateAsync({ mediaId });
              return refreshed(store.bannerUrl);
            }}
          />
        </CardBody>
      </Card>
    </div>
  );
}
