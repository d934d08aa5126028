'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';
import { useLiveInbox } from './live-inbox-provider';
import { NavIcon } from './nav-icons';
import { cx } from './ui/cx';
import { WORKSPACE_NAV } from './workspace-nav';
import type { SessionUser } from '@/lib/session';

function initials(email: string): string {
  const name = email.split('@')[0] ?? email;
  const parts = name.split(/[._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? parts[0]?.[1] ?? '')).toUpperCase();
}

export function WorkspaceShell({ user, onSignOut, children }: { user: SessionUser; onSignOut: () => void; children: ReactNode }) {
  const pathname = usePathname();
  const { waiting } = useLiveInbox();
  const waitingCount = waiting?.length ?? 0;
  const current = WORKSPACE_NAV.find((item) => [item.href, ...(item.also ?? [])].some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)));
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        Skip to content
      </a>
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="sticky top-0 flex h-screen flex-col">
          <div className="flex h-16 items-center border-b border-slate-100 px-5">
            <BrandMark subtitle="Agent workspace" />
          </div>
          <nav aria-label="Main" className="flex-1 px-3 py-5">
            <ul className="space-y-0.5">
              {WORKSPACE_NAV.map((item) => {
                const active = item === current;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? 'page' : undefined}
                      className={cx(
                        'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
                        active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900',
                      )}
                    >
                      <NavIcon name={item.icon} className={cx('size-4.5', active ? 'text-brand-600' : 'text-slate-400')} />
                      <span className="flex-1">{item.label}</span>
                      {item.href === '/inbox' && waitingCount > 0 && (
                        <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white" aria-label={`${waitingCount} waiting`} data-testid="waiting-count">
                          {waitingCount}
                        </span>
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-16 items-center justify-between gap-2 border-b border-slate-200 bg-white/85 px-3 backdrop-blur sm:gap-4 sm:px-6">
          <div className="flex items-center gap-3">
            <span className="md:hidden">
              <BrandMark subtitle="Agent" />
            </span>
            <nav aria-label="Sections" className="flex gap-1 md:hidden">
              {WORKSPACE_NAV.map((item) => (
                <Link key={item.href} href={item.href} className={cx('rounded-md px-2.5 py-1 text-sm font-medium', item === current ? 'bg-brand-50 text-brand-700' : 'text-slate-600')}>
                  {item.label}
                </Link>
              ))}
            </nav>
            {current && <h2 className="hidden text-sm font-semibold text-slate-900 md:block">{current.label}</h2>}
          </div>
          <div className="flex items-center gap-3">
            <div className="hidden text-right sm:block">
              <p className="text-sm font-medium text-slate-900" data-testid="current-user">{user.email}</p>
              <p className="text-xs capitalize text-slate-500">{user.role}</p>
            </div>
            <div aria-hidden="true" className="hidden size-9 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 sm:flex">
              {initials(user.email)}
            </div>
            <button
              type="button"
              onClick={onSignOut}
              aria-label="Sign out"
              className="inline-flex shrink-0 items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <NavIcon name="signOut" className="size-4" />
              <span className="hidden sm:inline">Sign out</span>
            </button>
          </div>
        </header>
        <main id="main" className="w-full flex-1 px-3 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
