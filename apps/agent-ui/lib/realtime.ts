'use client';

import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/** The API's socket.io endpoint, reached through this app's same-origin `/api` proxy. */
export const SOCKET_PATH = '/api/socket.io';

export type RealtimeAuth = { token: string } | { conversationId: string; conversationToken: string };
export type RealtimePayload = Record<string, unknown>;
export type RealtimeHandlers = Record<string, (payload: RealtimePayload) => void>;
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

const sockets = new Map<string, { socket: Socket; users: number }>();

function authKey(auth: RealtimeAuth): string {
  return 'token' in auth ? `agent:${auth.token}` : `customer:${auth.conversationId}`;
}

function acquire(auth: RealtimeAuth): Socket {
  const key = authKey(auth);
  const existing = sockets.get(key);
  if (existing) {
    existing.users += 1;
    return existing.socket;
  }
  const socket = io({ path: SOCKET_PATH, auth, reconnectionDelayMax: 5000 });
  sockets.set(key, { socket, users: 1 });
  return socket;
}

function release(auth: RealtimeAuth): void {
  const key = authKey(auth);
  const entry = sockets.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users <= 0) {
    entry.socket.disconnect();
    sockets.delete(key);
  }
}

/** Reads the event's object whether the server sends the domain event itself or wraps it as `{ event }` / `{ payload }`. */
export function unwrapPayload(raw: unknown): RealtimePayload {
  if (!raw || typeof raw !== 'object') return {};
  const record = raw as RealtimePayload;
  for (const wrapper of ['payload', 'event', 'data']) {
    const inner = record[wrapper];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return { ...record, ...(inner as RealtimePayload) };
  }
  return record;
}

export function payloadString(payload: RealtimePayload, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/**
 * Subscribes to realtime events on a socket shared by every component with the same credentials.
 * Handlers may change on each render; `onConnect` runs on every (re)connection so callers can resync.
 */
export function useRealtime(auth: RealtimeAuth | null, handlers: RealtimeHandlers, onConnect?: (socket: Socket) => void): { state: ConnectionState; socket: Socket | null } {
  const handlersRef = useRef(handlers);
  const connectRef = useRef(onConnect);
  handlersRef.current = handlers;
  connectRef.current = onConnect;
  const [state, setState] = useState<ConnectionState>('connecting');
  const [socket, setSocket] = useState<Socket | null>(null);
  const key = auth ? authKey(auth) : null;
  const authRef = useRef(auth);
  authRef.current = auth;

  useEffect(() => {
    const current = authRef.current;
    if (!key || !current) return;
    const connection = acquire(current);
    setSocket(connection);
    const onAny = (event: string, raw: unknown) => handlersRef.current[event]?.(unwrapPayload(raw));
    const connected = () => {
      setState('connected');
      connectRef.current?.(connection);
    };
    const disconnected = () => setState('disconnected');
    connection.onAny(onAny);
    connection.on('connect', connected);
    connection.on('disconnect', disconnected);
    connection.on('connect_error', disconnected);
    if (connection.connected) connected();
    return () => {
      connection.offAny(onAny);
      connection.off('connect', connected);
      connection.off('disconnect', disconnected);
      connection.off('connect_error', disconnected);
      release(current);
    };
  }, [key]);

  return { state, socket };
}
