'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { createAgentInput } from '@pf/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Truck, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { RelativeTime } from '@/components/relative-time';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { applyServerErrors } from '@/lib/form-errors';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

type Values = z.input<typeof createAgentInput>;

function CreateAgentDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const form = useForm<Values>({
    resolver: zodResolver(createAgentInput),
    defaultValues: { firstName: '', lastName: '', email: '', password: '' },
  });
  const create = useMutation(trpc.admin.agents.create.mutationOptions());
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const agent = await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.admin.agents.list.queryKey() });
      toast.success(`${agent.firstName} ${agent.lastName} can now sign in as an agent.`);
      form.reset();
      setOpen(false);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="h-4 w-4" aria-hidden /> Add agent
        </Button>
      </DialogTrigger>
      <DialogContent title="Add a delivery agent" description="Share the initial password with the agent in person.">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <FormError>{formError}</FormError>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="First name" error={errors.firstName?.message}>
              <Input {...form.register('firstName')} />
            </Field>
            <Field label="Last name" error={errors.lastName?.message}>
              <Input {...form.register('lastName')} />
            </Field>
          </div>
          <Field label="Email" error={errors.email?.message}>
            <Input type="email" autoComplete="off" {...form.register('email')} />
          </Field>
          <Field
            label="Initial password"
            error={errors.password?.message}
            hint="10+ characters with letters and digits"
          >
            <Input type="password" autoComplete="new-password" {...form.register('password')} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Adding…' : 'Add agent'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function AgentsManager() {
  const trpc = useTRPC();
  const agents = useQuery(trpc.admin.agents.list.queryOptions());
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <CreateAgentDialog />
      </div>
      {agents.isPending ? (
        <div className="space-y-2">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : agents.isError ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load agents. {apiErrorInfo(agents.error).message}
        </p>
      ) : agents.data.length === 0 ? (
        <EmptyState icon={Truck} title="No agents yet">
          Add the first delivery agent so orders can be picked up.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-gray-50 text-xs uppercase text-gray-500">
              <tr>
                <th className="px-4 py-3 font-medium">Name</th>
                <th className="px-4 py-3 font-medium">Email</th>
                <th className="px-4 py-3 font-medium">Last sign-in</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {agents.data.map((agent) => (
                <tr key={agent.id}>
                  <td className="px-4 py-3 font-medium text-gray-900">
                    {agent.firstName} {agent.lastName}
                  </td>
                  <td className="px-4 py-3 text-gray-700">{agent.email}</td>
                  <td className="px-4 py-3 text-gray-600">
                    <RelativeTime value={agent.lastLoginAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
