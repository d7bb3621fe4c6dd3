import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Admin sign in' };

export default function AdminSignInPage() {
  return <SignInForm entrance="admin" />;
}
