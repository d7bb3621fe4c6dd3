'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { toast } from 'sonner';
import { RelativeTime } from '@/components/relative-time';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

export function InvitationsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { update } = useSession();
  const invitations = useQuery(trpc.store.invitations.listMine.queryOptions());
  const accept = useMutation(trpc.store.invitations.accept.mutationOptions());
  const decline = useMutation(trpc.store.invitations.decline.mutationOptions());

  const answer = async (storeId: string, storeName: string, yes: boolean) => {
    try {
      if (yes) {
        await accept.mutateAsync({ storeId });
        await update({ storeId });
        toast.success(`You joined ${storeName}`);
        router.replace('/');
      } else {
        await decline.mutateAsync({ storeId });
        toast.success(`Invitation from ${storeName} declined`);
      }
      await queryClient.invalidateQueries({ queryKey: trpc.store.invitations.listMine.queryKey() });
      router.refresh();
    } catch (error) {
      toast.error(apiErrorInfo(error).message);
    }
  };

  if (invitations.isPending) return <Skeleton className="h-24" />;
  if (invitations.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        Could not load invitations. {apiErrorInfo(invitations.error).message}
      </p>
    );
  }
  if (invitations.data.length === 0) {
    return (
      <EmptyState icon={Inbox} title="No pending invitations">
        When a store invites you, it shows up here. To trade as your own business, create a store account.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      {invitations.data.map((invitation) => (
        <Card key={invitation.storeId}>
          <CardBody className="flex flex-wrap items-center justify-between gap-4">
            <div>
              <p className="font-semibold text-gray-900">{invitation.storeName}</p>
              <p className="text-sm capitalize text-gray-600">
                {invitation.storeType} store · role {invitation.role} · invited{' '}
                <RelativeTime value={invitation.invitedAt} />
              </p>
            </div>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => answer(invitation.storeId, invitation.storeName, false)}>
                Decline
              </Button>
              <Button onClick={() => answer(invitation.storeId, invitation.storeName, true)}>Accept</Button>
            </div>
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
