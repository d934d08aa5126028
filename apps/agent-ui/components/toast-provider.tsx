'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { cx } from './ui/cx';

export interface Toast {
  id: number;
  title: string;
  description?: string;
  href?: string;
  actionLabel?: string;
  tone?: 'info' | 'success' | 'error';
}

const ToastContext = createContext<(toast: Omit<Toast, 'id'>) => void>(() => undefined);

const TONES = {
  info: 'border-brand-200 bg-white',
  success: 'border-emerald-200 bg-white',
  error: 'border-red-200 bg-white',
} as const;

const DOTS = { info: 'bg-brand-500', success: 'bg-emerald-500', error: 'bg-red-500' } as const;

/**
 * Quiet, sound-free notifications; each disappears after a few seconds or on Dismiss. They sit at the
 * bottom of the side navigation (below the header on small screens), where they cover no action.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-3), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), 7000);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div aria-live="polite" aria-label="Notifications" className="pointer-events-none fixed inset-x-2 top-18 z-50 flex flex-col gap-2 md:inset-x-auto md:bottom-4 md:left-4 md:top-auto md:w-48">
        {toasts.map((toast) => (
          <div key={toast.id} role="status" className={cx('pointer-events-auto rounded-lg border px-4 py-3 text-sm shadow-lg', TONES[toast.tone ?? 'info'])}>
            <div className="flex items-start gap-3">
              <span aria-hidden="true" className={cx('mt-1.5 size-2 shrink-0 rounded-full', DOTS[toast.tone ?? 'info'])} />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{toast.title}</p>
                {toast.description && <p className="mt-0.5 truncate text-slate-500">{toast.description}</p>}
                <div className="mt-2 flex gap-3">
                  {toast.href && (
                    <Link href={toast.href} className="text-xs font-semibold text-brand-700 hover:underline" onClick={() => dismiss(toast.id)}>
                      {toast.actionLabel ?? 'Open'}
                    </Link>
                  )}
                  <button type="button" className="text-xs font-medium text-slate-500 hover:text-slate-800" onClick={() => dismiss(toast.id)}>
                    Dismiss
                  </button>
                </div>
              </div>
            </div>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (toast: Omit<Toast, 'id'>) => void {
  return useContext(ToastContext);
}
