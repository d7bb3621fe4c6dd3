'use client';

import { INVITABLE_ROLES, type MemberDto, type MemberRole } from '@pf/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { RelativeTime } from '@/components/relative-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { InviteDialog } from './invite-dialog';

/** An invitee is shown by the email the store typed until they accept (the API sends no name before that). */
const displayName = (member: MemberDto) =>
  member.firstName !== null && member.lastName !== null ? `${member.firstName} ${member.lastName}` : member.email;
const capitalized = (value: string) => value[0]?.toUpperCase() + value.slice(1);

const StatusBadge = ({ member }: { member: MemberDto }) => (
  <Badge tone={member.status === 'active' ? 'success' : 'pending'}>
    {member.status === 'active' ? 'Active' : 'Invited'}
  </Badge>
);

function RemoveDialog({ member, onClose }: { member: MemberDto | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.store.members.remove.mutationOptions());
  if (!member) return null;
  const confirm = async () => {
    try {
      await remove.mutateAsync({ userId: member.userId });
      await queryClient.invalidateQueries({ queryKey: trpc.store.members.list.queryKey() });
      toast.success(`${displayName(member)} no longer has access`);
      onClose();
    } catch (error) {
      toast.error(apiErrorInfo(error).message);
    }
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={`Remove ${displayName(member)}?`}
        description={`${member.email} loses access to this store immediately. Their account stays.`}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={confirm} disabled={remove.isPending}>
            {remove.isPending ? 'Removing…' : `Remove ${member.firstName ?? member.email}`}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

export function TeamManager({ currentUserId, actorRole }: { currentUserId: string; actorRole: MemberRole }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.store.members.list.queryOptions());
  const changeRole = useMutation(trpc.store.members.changeRole.mutationOptions());
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const isOwner = actorRole === 'owner';

  const onRoleChange = async (member: MemberDto, role: MemberRole) => {
    try {
      await changeRole.mutateAsync({ userId: member.userId, role: role as (typeof INVITABLE_ROLES)[number] });
      await queryClient.invalidateQueries({ queryKey: trpc.store.members.list.queryKey() });
      toast.success(`${displayName(member)} is now ${role}`);
    } catch (error) {
      toast.error(apiErrorInfo(error).message);
      await queryClient.invalidateQueries({ queryKey: trpc.store.members.list.queryKey() });
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <InviteDialog canInviteOwners={isOwner} />
      </div>
      {members.isPending ? (
        <div className="space-y-2">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : members.isError ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load the team. {apiErrorInfo(members.error).message}
        </p>
      ) : members.data.length === 0 ? (
        <EmptyState icon={Users} title="No teammates yet">
          Invite the people who order, receive or manage for this store.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="hidden bg-gray-50 text-xs uppercase text-gray-500 sm:table-header-group">
              <tr>
                <th className="px-4 py-3 font-medium">Name</th>
                <th className="px-4 py-3 font-medium">Role</th>
                <th className="hidden px-4 py-3 font-medium sm:table-cell">Status</th>
                <th className="hidden px-4 py-3 font-medium sm:table-cell">Last sign-in</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {members.data.map((member) => {
                const isSelf = member.userId === currentUserId;
                const ownerRow = member.role === 'owner';
                const editable = !isSelf && (isOwner || !ownerRow);
                return (
                  <tr key={member.membershipId} className="flex flex-wrap items-center sm:table-row">
                    <td className="w-full px-4 pt-3 sm:w-auto sm:py-3">
                      <div className="break-all font-medium text-gray-900 sm:break-normal">
                        {displayName(member)} {isSelf ? <span className="text-gray-500">(you)</span> : null}
                      </div>
                      {member.firstName !== null ? (
                        <div className="break-all text-gray-600 sm:break-normal">{member.email}</div>
                      ) : null}
                      <div className="mt-1 sm:hidden">
                        <StatusBadge member={member} />
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      {editable ? (
                        <Select
                          aria-label={`Role of ${displayName(member)}`}
                          className="h-9 w-36"
                          value={member.role}
                          onChange={(event) => onRoleChange(member, event.target.value as MemberRole)}
                        >
                          {INVITABLE_ROLES.filter((role) => isOwner || role !== 'owner').map((role) => (
                            <option key={role} value={role}>
                              {capitalized(role)}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        capitalized(member.role)
                      )}
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell">
                      <StatusBadge member={member} />
                    </td>
                    <td className="hidden px-4 py-3 text-gray-600 sm:table-cell">
                      <RelativeTime
                        value={member.lastLoginAt}
                        empty={member.status === 'invited' ? 'Not accepted yet' : 'Never'}
                      />
                    </td>
                    <td className="ml-auto px-4 py-3 text-right">
                      {editable ? (
                        <Button variant="ghost" size="sm" onClick={() => setRemoving(member)}>
                          Remove
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <RemoveDialog member={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}
