'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { LiveInboxProvider } from './live-inbox-provider';
import { ToastProvider } from './toast-provider';
import { WorkspaceShell } from './workspace-shell';
import { Spinner } from './ui/spinner';
import { api, ApiError } from '@/lib/api-client';
import { clearSession, useSession, type SessionUser } from '@/lib/session';

/** Shows the workspace only to a signed-in agent or admin; everyone else goes to the sign-in page. */
export function WorkspaceGuard({ children }: { children: ReactNode }) {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const signingOut = useRef(false);

  useEffect(() => {
    if (session === null && !signingOut.current) router.replace(`/sign-in?next=${encodeURIComponent(pathname)}`);
  }, [session, router, pathname]);

  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    api
      .get<SessionUser | { user: SessionUser }>('/auth/me', undefined, controller.signal)
      .then((result) => {
        const user = 'user' in result ? result.user : result;
        if (user.role !== 'admin' && user.role !== 'agent') clearSession();
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 403) clearSession();
      });
    return () => controller.abort();
  }, [token]);

  if (!session) {
    return (
      <div className="flex min-h-screen items-center justify-center text-slate-500" role="status" aria-label="Loading">
        <Spinner className="size-6" />
      </div>
    );
  }

  return (
    <ToastProvider>
      <LiveInboxProvider>
    <WorkspaceShell
      user={session.user}
      onSignOut={() => {
        signingOut.current = true;
        api.post('/auth/logout').catch(() => undefined);
        clearSession();
        router.replace('/sign-in?reason=signed-out');
      }}
    >
      {children}
    </WorkspaceShell>
      </LiveInboxProvider>
    </ToastProvider>
  );
}
