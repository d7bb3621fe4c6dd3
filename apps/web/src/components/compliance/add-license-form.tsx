'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { cleanText, createLicenseInput, LICENSE_TYPES, type StoreType, US_STATE_CODES } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Field, FormError } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { DocumentField } from '@/components/uploads/uploaded-document';
import { applyServerErrors } from '@/lib/form-errors';
import { LICENSE_TYPE_LABEL, LICENSE_TYPES_FOR, todayIso } from '@/lib/licenses';
import { useTRPC } from '@/lib/trpc';
import { STATE_OPTIONS } from '@/lib/us-states';

// Date inputs give '' when empty; the contract wants null.
const formSchema = z
  .object({
    mediaId: z.string().min(1, 'Upload the license document first.'),
    number: cleanText(64),
    type: z.enum(LICENSE_TYPES, 'Choose the license type.'),
    issuingState: z.enum(US_STATE_CODES, 'Choose the issuing state.'),
    issueDate: z.string(),
    expirationDate: z.string(),
  })
  .refine((v) => !v.issueDate || !v.expirationDate || v.issueDate < v.expirationDate, {
    path: ['expirationDate'],
    message: 'must be after the issue date',
  });
type Values = z.input<typeof formSchema>;

const toInput = (values: Values) =>
  createLicenseInput.parse({
    mediaId: values.mediaId,
    number: values.number,
    type: values.type,
    issuingState: values.issuingState,
    issueDate: values.issueDate || null,
    expirationDate: values.expirationDate || null,
  });

interface AddLicenseFormProps {
  storeType: StoreType;
  /** The state of the store's premises, the usual issuing state. */
  defaultState: string;
}

/** Upload the document, describe it, submit it for review. */
export function AddLicenseForm({ storeType, defaultState }: AddLicenseFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const create = useMutation(trpc.licenses.create.mutationOptions());
  const types = LICENSE_TYPES_FOR[storeType];
  const blank: Values = {
    mediaId: '',
    number: '',
    type: types[0] ?? 'grower',
    issuingState: (US_STATE_CODES as readonly string[]).includes(defaultState)
      ? (defaultState as Values['issuingState'])
      : 'OK',
    issueDate: '',
    expirationDate: '',
  };
  const form = useForm<Values>({ resolver: zodResolver(formSchema), defaultValues: blank });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const license = await create.mutateAsync(toInput(values));
      form.reset(blank);
      await queryClient.invalidateQueries({ queryKey: trpc.licenses.list.pathKey() });
      toast.success(`License ${license.number} submitted for review`);
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });

  return (
    <Card id="add-license" className="scroll-mt-24">
      <CardHeader>
        <CardTitle>Add a license</CardTitle>
        <p className="mt-1 text-sm text-gray-600">An admin checks it against the state registry.</p>
      </CardHeader>
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add a license">
          <FormError>{formError}</FormError>
          <Controller
            control={form.control}
            name="mediaId"
            render={({ field }) => (
              <DocumentField
                kind="license_doc"
                label="License document"
                mediaId={field.value || null}
                onChange={(id) => field.onChange(id ?? '')}
                error={errors.mediaId?.message}
                disabled={isSubmitting}
              />
            )}
          />
          <fieldset disabled={isSubmitting} className="grid gap-4 sm:grid-cols-2">
            <Field label="License number" error={errors.number?.message} className="sm:col-span-2">
              <Input autoComplete="off" spellCheck={false} {...form.register('number')} />
            </Field>
            <Field label="License type" error={errors.type?.message}>
              <Select {...form.register('type')}>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {LICENSE_TYPE_LABEL[type]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Issuing state" error={errors.issuingState?.message}>
              <Select {...form.register('issuingState')}>
                {STATE_OPTIONS.map((state) => (
                  <option key={state.code} value={state.code}>
                    {state.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Issue date" error={errors.issueDate?.message} hint="Optional">
              <Input type="date" max={todayIso()} {...form.register('issueDate')} />
            </Field>
            <Field label="Expiration date" error={errors.expirationDate?.message} hint="As printed on the license">
              <Input type="date" min={todayIso()} {...form.register('expirationDate')} />
            </Field>
          </fieldset>
          <Button type="submit" className="w-full" disabled={isSubmitting}>
            {isSubmitting ? 'Submitting…' : 'Submit for review'}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
