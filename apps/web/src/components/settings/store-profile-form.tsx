'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { cleanText, emailSchema, type StoreDto, updateStoreInput } from '@pf/domain';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { KycBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Field, FormError } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { applyServerErrors } from '@/lib/form-errors';
import { useTRPC } from '@/lib/trpc';

// The form edits strings; empty means "clear" and is sent as null.
const formSchema = z.object({
  companyName: cleanText(120),
  dbaName: z.string().max(120, 'must be at most 120 characters'),
  description: z.string().max(2000, 'must be at most 2000 characters'),
  phone: z.string().max(32, 'must be at most 32 characters'),
  email: z.union([z.literal(''), emailSchema]),
});
type Values = z.input<typeof formSchema>;
const toInput = (values: Values) => {
  const blankToNull = (value: string) => (value.trim() === '' ? null : value);
  return updateStoreInput.parse({
    companyName: values.companyName,
    dbaName: blankToNull(values.dbaName),
    description: blankToNull(values.description),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
  });
};

export function StoreProfileForm({ profile, canEdit }: { profile: StoreDto; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const update = useMutation(trpc.store.me.update.mutationOptions());
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      companyName: profile.companyName,
      dbaName: profile.dbaName ?? '',
      description: profile.description ?? '',
      phone: profile.phone ?? '',
      email: profile.email ?? '',
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  // Unsaved-changes guard (UI.md) for a form people fill in over several minutes.
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const saved = await update.mutateAsync(toInput(values));
      form.reset({
        companyName: saved.companyName,
        dbaName: saved.dbaName ?? '',
        description: saved.description ?? '',
        phone: saved.phone ?? '',
        email: saved.email ?? '',
      });
      toast.success('Store profile saved');
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });

  const { address } = profile;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardBody>
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <FormError>{formError}</FormError>
            <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
              <Field label="Legal business name" error={errors.companyName?.message}>
                <Input {...form.register('companyName')} />
              </Field>
              <Field label="Doing business as" error={errors.dbaName?.message}>
                <Input {...form.register('dbaName')} />
              </Field>
              <Field label="Contact email" error={errors.email?.message}>
                <Input type="email" {...form.register('email')} />
              </Field>
              <Field label="Phone" error={errors.phone?.message}>
                <Input type="tel" {...form.register('phone')} />
              </Field>
              <Field label="About the business" error={errors.description?.message} className="sm:col-span-2">
                <Textarea rows={4} {...form.register('description')} />
              </Field>
            </fieldset>
            {canEdit ? (
              <div className="flex justify-end">
                <Button type="submit" disabled={isSubmitting || !isDirty}>
                  {isSubmitting ? 'Saving…' : 'Save changes'}
                </Button>
              </div>
            ) : (
              <p className="text-sm text-gray-600">Only owners and managers can edit the store profile.</p>
            )}
          </form>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Licensed premises</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3 text-sm text-gray-700">
          <address className="not-italic">
            {address.line1}
            {address.line2 ? <>, {address.line2}</> : null}
            <br />
            {address.city}, {address.state} {address.postalCode}
          </address>
          <p>
            Store type: <span className="capitalize">{profile.type}</span>
          </p>
          <div className="flex items-center gap-2">
            Compliance: <KycBadge status={profile.kycStatus} />
          </div>
          <p className="text-xs text-gray-500">
            The address and store type follow your license and cannot be edited here.
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
