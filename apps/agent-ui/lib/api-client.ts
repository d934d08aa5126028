'use client';

import { ApiError } from './api-error';
import { clearSession, readSession, type Session } from './session';

export { ApiError } from './api-error';

type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (e.g. a raw `.eml`, a CSV or FormData); set `contentType` for non-FormData bodies. */
  rawBody?: BodyInit;
  contentType?: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Leave false for requests where 401 means "wrong password", not "session expired". */
  redirectOnUnauthorized?: boolean;
}

export function buildApiPath(path: string, query?: Record<string, QueryValue>): string {
  const url = path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function sendToSignIn(): void {
  clearSession();
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/sign-in?reason=expired&next=${encodeURIComponent(next)}`);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (!text) return null;
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Calls the API through the same-origin `/api` proxy with the signed-in user's bearer token. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  const session = readSession();
  if (session) headers.set('authorization', `Bearer ${session.token}`);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.rawBody !== undefined) {
    if (options.contentType) headers.set('content-type', options.contentType);
    body = options.rawBody;
  }
  let response: Response;
  try {
    response = await fetch(buildApiPath(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { message: 'Cannot reach the Autocase API. Check that it is running and try again.' });
  }
  const payload = await readBody(response);
  if (response.status === 401 && (options.redirectOnUnauthorized ?? true) && session) {
    sendToSignIn();
  }
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}

export interface LoginResponse extends Session {}

export function login(email: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { json: { email, password }, redirectOnUnauthorized: false });
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, json?: unknown) => apiRequest<T>(path, { method: 'POST', json: json ?? {} }),
  put: <T>(path: string, json: unknown) => apiRequest<T>(path, { method: 'PUT', json }),
  patch: <T>(path: string, json: unknown) => apiRequest<T>(path, { method: 'PATCH', json }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, rawBody: BodyInit, contentType?: string) => apiRequest<T>(path, { method: 'POST', rawBody, contentType }),
};
