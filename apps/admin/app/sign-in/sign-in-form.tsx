'use client';

import { safeRedirectPath } from '@autocase/web-client';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { ApiError, login } from '@/lib/api-client';
import { useSession, writeSession } from '@/lib/session';

const REASONS: Record<string, string> = {
  expired: 'Your session has expired. Please sign in again.',
  'signed-out': 'You have been signed out.',
};

/** Only a path of this app: `next` is parsed with `URL` against the page's own origin (see safeRedirectPath). */
function safeNext(next: string | null): string {
  return safeRedirectPath(next, window.location.origin, '/fields');
}

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  const reason = REASONS[params.get('reason') ?? ''];
  const session = useSession();

  useEffect(() => {
    if (session?.user.role === 'admin') router.replace(safeNext(params.get('next')));
  }, [session, router, params]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextErrors: typeof errors = {};
    if (!email.trim()) nextErrors.email = 'Enter your email address.';
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) nextErrors.email = 'Enter a valid email address, like name@company.com.';
    if (!password) nextErrors.password = 'Enter your password.';
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    setSubmitting(true);
    try {
      const session = await login(email.trim(), password);
      if (session.user.role !== 'admin') {
        setErrors({ form: `${session.user.email} is an agent account. The admin console is for administrators only — agents sign in to the agent workspace.` });
        return;
      }
      writeSession(session);
      router.replace(safeNext(params.get('next')));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        setErrors({ form: error.status === 401 ? 'That email and password do not match an active account.' : error.message });
      } else if (error instanceof ApiError && error.status === 403) {
        setErrors({ form: error.message || 'This account is disabled. Ask another administrator to re-enable it.' });
      } else {
        setErrors({ form: error instanceof Error ? error.message : 'Sign-in failed. Try again.' });
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="mt-6 space-y-4" noValidate onSubmit={onSubmit} aria-label="Sign in">
      {reason && !errors.form && <Alert tone="info">{reason}</Alert>}
      {errors.form && <Alert tone="error" title="Could not sign in">{errors.form}</Alert>}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <Button type="submit" variant="primary" loading={submitting} className="w-full">
        {submitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
