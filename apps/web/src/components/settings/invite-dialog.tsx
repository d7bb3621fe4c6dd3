'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { INVITABLE_ROLES, inviteMemberInput } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { KeyRound, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { applyServerErrors } from '@/lib/form-errors';
import { useTRPC } from '@/lib/trpc';

type Values = z.input<typeof inviteMemberInput>;

export function InviteDialog({ canInviteOwners }: { canInviteOwners: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const invite = useMutation(trpc.store.members.invite.mutationOptions());
  const form = useForm<Values>({
    resolver: zodResolver(inviteMemberInput),
    defaultValues: { email: '', firstName: '', lastName: '', role: 'staff' },
  });
  const { errors, isSubmitting } = form.formState;
  const roles = INVITABLE_ROLES.filter((role) => canInviteOwners || role !== 'owner');

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setTemporaryPassword(null);
      setFormError(undefined);
      form.reset();
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const result = await invite.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.store.members.list.queryKey() });
      toast.success(`Invitation ready for ${result.member.email}`);
      if (result.temporaryPassword) setTemporaryPassword(result.temporaryPassword);
      else close(false);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="h-4 w-4" aria-hidden /> Invite teammate
        </Button>
      </DialogTrigger>
      <DialogContent
        title={temporaryPassword ? 'Share this temporary password' : 'Invite a teammate'}
        description={
          temporaryPassword
            ? 'It is shown only once. The new teammate signs in with it and accepts the invitation.'
            : 'They get access after they sign in and accept the invitation.'
        }
      >
        {temporaryPassword ? (
          <div className="space-y-4">
            <div className="flex items-center gap-3 rounded-md border border-amber-200 bg-amber-50 p-3">
              <KeyRound className="h-5 w-5 text-amber-700" aria-hidden />
              <code data-testid="temporary-password" className="select-all font-mono text-base text-gray-900">
                {temporaryPassword}
              </code>
            </div>
            <div className="flex justify-end">
              <Button onClick={() => close(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <FormError>{formError}</FormError>
            <Field label="Email" error={errors.email?.message}>
              <Input type="email" autoComplete="off" {...form.register('email')} />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="First name" error={errors.firstName?.message}>
                <Input {...form.register('firstName')} />
              </Field>
              <Field label="Last name" error={errors.lastName?.message}>
                <Input {...form.register('lastName')} />
              </Field>
            </div>
            <Field label="Role" error={errors.role?.message}>
              <Select {...form.register('role')}>
                {roles.map((role) => (
                  <option key={role} value={role} className="capitalize">
                    {role[0]?.toUpperCase() + role.slice(1)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? 'Inviting…' : 'Send invitation'}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
