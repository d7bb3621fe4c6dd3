'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { cleanText } from '@pf/domain';
import { CircleX } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { applyServerErrors } from '@/lib/form-errors';

const schema = z.object({ reason: cleanText(500) });
type Values = z.input<typeof schema>;

interface Props {
  number: string;
  storeName: string;
  disabled?: boolean;
  /** Resolves when the rejection is stored; throws the API error otherwise. */
  onReject: (reason: string) => Promise<void>;
}

/** A rejection always says why: the store reads the reason on its compliance page. */
export function RejectLicenseDialog({ number, storeName, disabled, onReject }: Props) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ reason }) => {
    setFormError(undefined);
    try {
      await onReject(reason.trim());
      setOpen(false);
      form.reset();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" className="text-red-700" disabled={disabled}>
          <CircleX className="h-4 w-4" aria-hidden /> Reject…
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Reject license ${number}?`}
        description={`${storeName} sees this reason and can submit a corrected license.`}
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <FormError>{formError}</FormError>
          <Field
            label="Reason shown to the store"
            error={errors.reason?.message}
            hint="For example: the number does not match the state registry, or the document is unreadable."
          >
            <Textarea rows={4} maxLength={500} {...form.register('reason')} />
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={isSubmitting}>
              {isSubmitting ? 'Rejecting…' : 'Reject license'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
