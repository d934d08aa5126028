'use client';

import { createSessionStore, type Session } from '@autocase/web-client';
import { useSyncExternalStore } from 'react';

export type { Session, SessionUser, UserRole } from '@autocase/web-client';

/** This app's signed-in session, kept in localStorage under its own key. */
export const sessionStore = createSessionStore('autocase.agent.session');

export function readSession(): Session | null {
  return sessionStore.read();
}

export function writeSession(session: Session): void {
  sessionStore.write(session);
}

export function clearSession(): void {
  sessionStore.clear();
}

/** `undefined` while rendering on the server (not known yet), `null` when signed out. */
export function useSession(): Session | null | undefined {
  return useSyncExternalStore<Session | null | undefined>(sessionStore.subscribe, readSession, () => undefined);
}
