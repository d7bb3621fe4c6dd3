'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { type CreateProductData, createProductInput, type VendorProductDto } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { cn } from '@/lib/cn';
import { applyServerErrors } from '@/lib/form-errors';
import { useTRPC } from '@/lib/trpc';
import { emptyProductValues, type ProductFormValues, productValuesOf, updateInputOf } from '@/lib/vendor-products-form';
import { BasicsSection } from './basics-section';
import { ClassificationSection } from './classification-section';
import { ComplianceSection } from './compliance-section';
import { DeleteProductDialog } from './delete-product-dialog';
import { FormSection } from './form-section';
import { GalleryField } from './gallery-field';
import { InventorySection } from './inventory-section';
import { PricingSection } from './pricing-section';
import { ProductStatusBadge } from './stock-badges';
import { TagsSection } from './tags-section';
import { useUnsavedGuard } from './use-unsaved-guard';

/**
 * Creates a product or edits a stored one. The domain's create schema validates the form; the server's
 * violations land on the same fields; an edit sends only what changed.
 */
export function ProductEditor({ initial, canEdit }: { initial: VendorProductDto | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [product, setProduct] = useState(initial);
  const [loaded, setLoaded] = useState(() => (initial ? productValuesOf(initial) : emptyProductValues()));
  const [uploading, setUploading] = useState(false);
  const [formError, setFormError] = useState<string>();
  const form = useForm<ProductFormValues, unknown, CreateProductData>({
    resolver: zodResolver(createProductInput),
    defaultValues: loaded,
    mode: 'onTouched',
  });
  const create = useMutation(trpc.vendorProducts.create.mutationOptions());
  const update = useMutation(trpc.vendorProducts.update.mutationOptions());
  const { isDirty, isSubmitting, errors, submitCount } = form.formState;
  useUnsavedGuard(canEdit && (isDirty || uploading));

  const stored = (saved: VendorProductDto) => {
    queryClient.setQueryData(trpc.vendorProducts.get.queryKey({ productId: saved.id }), saved);
    void queryClient.invalidateQueries({ queryKey: trpc.vendorProducts.list.pathKey() });
    const values = productValuesOf(saved);
    setLoaded(values);
    form.reset(values);
  };

  const onSubmit = form.handleSubmit(async (data) => {
    setFormError(undefined);
    try {
      if (!product) {
        const saved = await create.mutateAsync(data);
        stored(saved);
        // The editor turns into the stored product's at once, so a second click cannot create it again.
        setProduct(saved);
        toast.success(`“${saved.title}” created`);
        router.replace(`/vendor/products/${saved.id}`);
        return;
      }
      const saved = await update.mutateAsync(updateInputOf(product.id, form.getValues(), loaded));
      stored(saved);
      setProduct(saved);
      toast.success(`“${saved.title}” saved`);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
    }
  });

  const hasErrors = submitCount > 0 && Object.keys(errors).length > 0;
  const status = uploading
    ? 'Waiting for uploads to finish…'
    : hasErrors
      ? 'Please fix the highlighted fields.'
      : isDirty
        ? 'Unsaved changes'
        : product
          ? 'All changes saved'
          : 'Not saved yet';
  const title = product ? product.title : 'New product';
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={product ? `Edit ${product.title}` : 'New product'}>
        <div className="mb-6 space-y-2">
          <Link
            href="/vendor/products"
            className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
          >
            <ArrowLeft aria-hidden className="size-4" /> Products
          </Link>
          <h1 className="break-words text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
          {product ? (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <ProductStatusBadge active={product.isActive} />
              <span className="font-mono text-sm text-gray-600">SKU {product.sku}</span>
              {canEdit ? (
                <div className="ml-auto">
                  <DeleteProductDialog product={product} />
                </div>
              ) : null}
            </div>
          ) : null}
          {!canEdit ? <p className="text-sm text-gray-600">Your role can view products but not change them.</p> : null}
        </div>
        <div className="mb-4">
          <FormError>{formError}</FormError>
        </div>
        <fieldset disabled={!canEdit} className="min-w-0 space-y-6">
          <BasicsSection />
          <FormSection
            title="Photos"
            description="Drag to reorder, or use the arrows. The first photo is the thumbnail."
          >
            <Controller
              control={form.control}
              name="mediaIds"
              render={({ field, fieldState }) => (
                <GalleryField
                  value={field.value ?? []}
                  onChange={field.onChange}
                  known={product?.gallery ?? []}
                  itemErrors={(field.value ?? []).map((_, index) => errors.mediaIds?.[index]?.message)}
                  error={fieldState.error?.message ?? errors.mediaIds?.root?.message}
                  disabled={!canEdit}
                  onBusyChange={setUploading}
                />
              )}
            />
          </FormSection>
          <ClassificationSection />
          <PricingSection />
          <InventorySection stock={product?.inventory ?? null} />
          <TagsSection />
          <ComplianceSection disabled={!canEdit} />
        </fieldset>
        {canEdit ? (
          <div
            data-testid="editor-actions"
            className="sticky bottom-16 z-20 -mx-4 mt-6 flex items-center gap-2 border-t border-gray-200 bg-white/95 px-4 py-3 backdrop-blur sm:gap-3 md:bottom-0 md:-mx-8 md:px-8"
          >
            <p
              aria-live="polite"
              className={cn(
                'min-w-0 flex-1 text-xs sm:text-sm',
                hasErrors ? 'font-medium text-red-700' : 'text-gray-600',
              )}
              data-testid="editor-status"
            >
              {status}
            </p>
            <Button variant="secondary" asChild className="hidden sm:inline-flex">
              <Link href="/vendor/products">{isDirty ? 'Cancel' : 'Close'}</Link>
            </Button>
            <Button
              type="submit"
              className="shrink-0"
              disabled={isSubmitting || uploading || (Boolean(product) && !isDirty)}
            >
              {isSubmitting ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
              {isSubmitting ? 'Saving…' : product ? 'Save changes' : 'Create product'}
            </Button>
          </div>
        ) : null}
      </form>
    </FormProvider>
  );
}
