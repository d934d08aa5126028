import type { Metadata } from 'next';
import { Suspense } from 'react';
import { BrandMark } from '@/components/brand-mark';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 via-surface to-surface px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <BrandMark subtitle="Agent workspace" />
        </div>
        <div className="rounded-card border border-slate-200 bg-white p-8 shadow-card">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Sign in to handle live chats and cases.</p>
          <Suspense>
            <SignInForm />
          </Suspense>
        </div>
        <p className="mt-6 text-center text-xs text-slate-400">Administrators configure Autocase in the admin console.</p>
      </div>
    </div>
  );
}
