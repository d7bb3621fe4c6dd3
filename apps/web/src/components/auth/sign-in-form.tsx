'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { loginInput } from '@pf/domain';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { isCredentialsRefusal, signInMessage } from '@/lib/auth-messages';

type Values = z.input<typeof loginInput>;

export function SignInForm({ entrance }: { entrance: 'store' | 'admin' }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [credentialsRefused, setCredentialsRefused] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(loginInput), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setCredentialsRefused(false);
    const result = await signIn('credentials', { ...values, entrance, redirect: false });
    if (!result || result.error) {
      setFormError(signInMessage(result?.error));
      setCredentialsRefused(isCredentialsRefusal(result?.error));
      return;
    }
    router.replace('/');
    router.refresh();
  });

  return (
    <Card>
      <CardBody className="space-y-5 p-6 sm:p-8">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">{entrance === 'admin' ? 'Admin sign in' : 'Sign in'}</h1>
          <p className="mt-1 text-sm text-gray-600">
            {entrance === 'admin'
              ? 'Compliance and finance staff only.'
              : 'Buyers, vendors and delivery agents sign in here.'}
          </p>
        </div>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <FormError>{formError}</FormError>
          {entrance === 'store' && credentialsRefused ? (
            // Shown after every refusal, whoever signed in: it must not tell which emails are admins.
            <p className="text-sm text-gray-700" data-testid="admin-sign-in-hint">
              PackFinderz staff sign in at the{' '}
              <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href="/sign-in/admin">
                admin sign-in
              </Link>
              .
            </p>
          ) : null}
          <Field label="Email" error={errors.email?.message}>
            <Input type="email" autoComplete="email" {...form.register('email')} />
          </Field>
          <Field label="Password" error={errors.password?.message}>
            <Input type="password" autoComplete="current-password" {...form.register('password')} />
          </Field>
          <Button type="submit" className="w-full" size="lg" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          {entrance === 'admin' ? (
            <Link className="text-brand-700 hover:underline" href="/sign-in">
              Store or agent sign in
            </Link>
          ) : (
            <>
              <Link className="text-brand-700 hover:underline" href="/sign-up">
                Create a business account
              </Link>
              <Link className="text-gray-600 hover:underline" href="/sign-in/admin">
                Admin sign in
              </Link>
            </>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
