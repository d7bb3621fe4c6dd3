'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { type CreatePromoData, createPromoInput, type PromoDto } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FormSection } from '@/components/vendor-products/form-section';
import { cn } from '@/lib/cn';
import { applyServerErrors } from '@/lib/form-errors';
import {
  createInputOf,
  emptyPromoValues,
  hasPromoChanges,
  type PromoFormValues,
  promoValuesOf,
  updateInputOf,
} from '@/lib/promo-form';
import { formatPromoUses, promoStatusOf } from '@/lib/promo-format';
import { useTRPC } from '@/lib/trpc';
import { ExpirePromoDialog } from './expire-promo-dialog';
import { PromoStatusBadge } from './promo-status-badge';
import { PromoTermsFields } from './promo-terms-fields';

/** The domain's create schema checks the form as the request it becomes (only the chosen kind's value). */
const checkAsCreateRequest = zodResolver(createPromoInput);
const promoResolver: Resolver<PromoFormValues, unknown, CreatePromoData> = (values, context, options) =>
  checkAsCreateRequest(createInputOf(values), context, options as never) as never;

/**
 * Creates a promo code or edits a stored one. The server's violations (a duplicate code, a past end date) land
 * on the same fields; an edit sends only what changed, and the code and its kind stay as created.
 */
export function PromoEditor({ initial, canEdit }: { initial: PromoDto | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState(() => (initial ? promoValuesOf(initial) : emptyPromoValues()));
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState(false);
  const form = useForm<PromoFormValues, unknown, CreatePromoData>({
    resolver: promoResolver,
    defaultValues: loaded,
    mode: 'onTouched',
  });
  const create = useMutation(trpc.vendorPromos.create.mutationOptions());
  const update = useMutation(trpc.vendorPromos.update.mutationOptions());
  const { isDirty, isSubmitting, errors, submitCount } = form.formState;

  const onSubmit = form.handleSubmit(async (data) => {
    setFormError(undefined);
    try {
      if (!initial) {
        const saved = await create.mutateAsync(data);
        // The button stays disabled until the list opens, so a second click cannot create another code.
        setCreated(true);
        await queryClient.invalidateQueries({ queryKey: trpc.vendorPromos.list.pathKey() });
        toast.success(`${saved.code} created`);
        router.push('/vendor/promos');
        return;
      }
      const input = updateInputOf(initial.id, form.getValues(), loaded);
      if (!hasPromoChanges(input)) return;
      const saved = await update.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.vendorPromos.list.pathKey() });
      const values = promoValuesOf(saved);
      setLoaded(values);
      form.reset(values);
      toast.success(`${saved.code} saved`);
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });

  const hasErrors = submitCount > 0 && Object.keys(errors).length > 0;
  const status = hasErrors
    ? 'Please fix the highlighted fields.'
    : isDirty
      ? 'Unsaved changes'
      : initial
        ? 'All changes saved'
        : 'Not saved yet';
  const title = initial ? initial.code : 'New promo code';
  return (
    <form onSubmit={onSubmit} noValidate aria-label={initial ? `Edit ${initial.code}` : 'New promo code'}>
      <div className="mb-6 space-y-2">
        <Link
          href="/vendor/promos"
          className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
        >
          <ArrowLeft aria-hidden className="size-4" /> Promo codes
        </Link>
        <h1 className="break-words font-mono text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
        {initial ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <PromoStatusBadge status={promoStatusOf(initial, new Date())} />
            <span className="text-sm text-gray-600">{formatPromoUses(initial.usedCount, initial.usageLimit)}</span>
            {canEdit && promoStatusOf(initial, new Date()) !== 'expired' ? (
              <div className="ml-auto">
                <ExpirePromoDialog promo={initial} />
              </div>
            ) : null}
          </div>
        ) : null}
        {!canEdit ? <p className="text-sm text-gray-600">Your role can view promo codes but not change them.</p> : null}
      </div>
      <div className="mb-4">
        <FormError>{formError}</FormError>
      </div>
      <fieldset disabled={!canEdit} className="min-w-0 space-y-6">
        <FormSection
          title="Code and discount"
          description="Buyers type the code in their cart; it takes this off your part of their order."
        >
          <PromoTermsFields form={form} editing={Boolean(initial)} />
        </FormSection>
      </fieldset>
      {canEdit ? (
        <div
          data-testid="promo-editor-actions"
          className="sticky bottom-16 z-20 -mx-4 mt-6 flex items-center gap-2 border-t border-gray-200 bg-white/95 px-4 py-3 backdrop-blur sm:gap-3 md:bottom-0 md:-mx-8 md:px-8"
        >
          <p
            aria-live="polite"
            className={cn(
              'min-w-0 flex-1 text-xs sm:text-sm',
              hasErrors ? 'font-medium text-red-700' : 'text-gray-600',
            )}
          >
            {status}
          </p>
          <Button variant="secondary" asChild className="hidden sm:inline-flex">
            <Link href="/vendor/promos">{isDirty ? 'Cancel' : 'Close'}</Link>
          </Button>
          <Button
            type="submit"
            className="shrink-0"
            disabled={isSubmitting || created || (Boolean(initial) && !isDirty)}
          >
            {isSubmitting ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
            {isSubmitting ? 'Saving…' : initial ? 'Save changes' : 'Create promo code'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
