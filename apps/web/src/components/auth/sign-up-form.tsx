'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { addressSchema, newPasswordSchema, registerInput, STATE_CENTROIDS, US_STATE_CODES } from '@pf/domain';
import { useMutation } from '@tanstack/react-query';
import { Building2, Store } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { Field, FormError } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import { applyServerErrors } from '@/lib/form-errors';
import { useTRPC } from '@/lib/trpc';

const signUpSchema = registerInput.omit({ address: true, password: true }).extend({
  password: newPasswordSchema,
  address: addressSchema.omit({ lat: true, lng: true, geohash: true, country: true }),
});
type Values = z.input<typeof signUpSchema>;

const STORE_TYPES = [
  { value: 'buyer', title: 'Buyer', text: 'A licensed dispensary ordering wholesale.', icon: Store },
  {
    value: 'vendor',
    title: 'Vendor',
    text: 'A licensed grower, producer or brand selling wholesale.',
    icon: Building2,
  },
] as const;

export function SignUpForm() {
  const router = useRouter();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string>();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const form = useForm<Values>({
    resolver: zodResolver(signUpSchema),
    defaultValues: {
      storeType: 'buyer',
      companyName: '',
      firstName: '',
      lastName: '',
      email: '',
      password: '',
      acceptTos: false as unknown as true,
      address: { line1: '', city: '', state: 'OK', postalCode: '' },
    },
  });
  const { errors, isSubmitting } = form.formState;
  const storeType = form.watch('storeType');

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const parsed = signUpSchema.parse(values);
    const [lat, lng] = STATE_CENTROIDS[parsed.address.state];
    try {
      await register.mutateAsync({ ...parsed, address: { ...parsed.address, country: 'US', lat, lng } });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError));
      return;
    }
    const signedIn = await signIn('credentials', { email: parsed.email, password: parsed.password, redirect: false });
    if (signedIn?.error) {
      router.replace('/sign-in');
      return;
    }
    toast.success('Your store is registered. Next: verify your license.');
    router.replace('/');
    router.refresh();
  });

  return (
    <Card>
      <CardBody className="space-y-6 p-6 sm:p-8">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">Create a business account</h1>
          <p className="mt-1 text-sm text-gray-600">One account per person; you can add more stores later.</p>
        </div>
        <form onSubmit={onSubmit} className="space-y-6" noValidate>
          <FormError>{formError}</FormError>
          <fieldset>
            <legend className="text-sm font-medium text-gray-800">I am a</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {STORE_TYPES.map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    'flex cursor-pointer gap-3 rounded-lg border p-3 focus-within:outline-2 focus-within:outline-brand-600',
                    storeType === option.value ? 'border-brand-600 bg-brand-50' : 'border-gray-300 bg-white',
                  )}
                >
                  <input type="radio" value={option.value} className="sr-only" {...form.register('storeType')} />
                  <option.icon className="mt-0.5 h-5 w-5 shrink-0 text-brand-700" aria-hidden />
                  <span>
                    <span className="block text-sm font-semibold text-gray-900">{option.title}</span>
                    <span className="block text-xs text-gray-600">{option.text}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Legal business name" error={errors.companyName?.message} className="sm:col-span-2">
              <Input autoComplete="organization" {...form.register('companyName')} />
            </Field>
            <Field label="First name" error={errors.firstName?.message}>
              <Input autoComplete="given-name" {...form.register('firstName')} />
            </Field>
            <Field label="Last name" error={errors.lastName?.message}>
              <Input autoComplete="family-name" {...form.register('lastName')} />
            </Field>
            <Field label="Work email" error={errors.email?.message}>
              <Input type="email" autoComplete="email" {...form.register('email')} />
            </Field>
            <Field label="Password" error={errors.password?.message} hint="10+ characters with letters and digits">
              <Input type="password" autoComplete="new-password" {...form.register('password')} />
            </Field>
          </div>

          <fieldset className="grid gap-4 sm:grid-cols-6">
            <legend className="mb-2 text-sm font-medium text-gray-800">Licensed premises address</legend>
            <Field label="Street address" error={errors.address?.line1?.message} className="sm:col-span-6">
              <Input autoComplete="address-line1" {...form.register('address.line1')} />
            </Field>
            <Field label="City" error={errors.address?.city?.message} className="sm:col-span-3">
              <Input autoComplete="address-level2" {...form.register('address.city')} />
            </Field>
            <Field label="State" error={errors.address?.state?.message} className="sm:col-span-1">
              <Select autoComplete="address-level1" {...form.register('address.state')}>
                {US_STATE_CODES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="ZIP" error={errors.address?.postalCode?.message} className="sm:col-span-2">
              <Input autoComplete="postal-code" inputMode="numeric" {...form.register('address.postalCode')} />
            </Field>
          </fieldset>

          <div>
            <label className="flex items-start gap-2 text-sm text-gray-700">
              <input type="checkbox" className="mt-0.5 h-4 w-4 accent-brand-700" {...form.register('acceptTos')} />
              <span>I accept the terms of service and confirm this business holds a valid state license.</span>
            </label>
            {errors.acceptTos ? (
              <p className="mt-1 text-xs font-medium text-red-700">Please accept the terms to continue.</p>
            ) : null}
          </div>

          <Button type="submit" size="lg" className="w-full" disabled={isSubmitting}>
            {isSubmitting ? 'Creating your account…' : 'Create account'}
          </Button>
        </form>
        <p className="text-sm text-gray-600">
          Already registered?{' '}
          <Link className="font-medium text-brand-700 underline underline-offset-2" href="/sign-in">
            Sign in
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}
