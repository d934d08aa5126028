import { ApiError } from './api-error.js';
import type { Session, SessionStore } from './session-store.js';

export type QueryValue = string | number | boolean | null | undefined;

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

export interface LoginResponse extends Session {}

export interface ApiClientOptions {
  /** Where an expired session is sent; `?reason=expired&next=<current path>` is appended. Default `/sign-in`. */
  signInPath?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Default: `window.location.assign`. */
  navigate?: (url: string) => void;
  /** Default: `window.location` path and query. */
  currentPath?: () => string;
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

/** Calls the API through the same-origin `/api` proxy with the bearer token of `sessions`' signed-in user. */
export function createApiClient(sessions: SessionStore, options: ApiClientOptions = {}) {
  const signInPath = options.signInPath ?? '/sign-in';
  const navigate = options.navigate ?? ((url: string) => window.location.assign(url));
  const currentPath = options.currentPath ?? (() => `${window.location.pathname}${window.location.search}`);

  function sendToSignIn(): void {
    sessions.clear();
    navigate(`${signInPath}?reason=expired&next=${encodeURIComponent(currentPath())}`);
  }

  async function apiRequest<T>(path: string, request: ApiRequestOptions = {}): Promise<T> {
    const headers = new Headers({ accept: 'application/json' });
    const session = sessions.read();
    if (session) headers.set('authorization', `Bearer ${session.token}`);
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(request.json);
    } else if (request.rawBody !== undefined) {
      if (request.contentType) headers.set('content-type', request.contentType);
      body = request.rawBody;
    }
    const send = options.fetch ?? fetch;
    let response: Response;
    try {
      response = await send(buildApiPath(path, request.query), {
        method: request.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
        signal: request.signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, { message: 'Cannot reach the Autocase API. Check that it is running and try again.' });
    }
    const payload = await readBody(response);
    if (response.status === 401 && (request.redirectOnUnauthorized ?? true) && session) {
      sendToSignIn();
    }
    if (!response.ok) throw new ApiError(response.status, payload);
    return payload as T;
  }

  function login(email: string, password: string): Promise<LoginResponse> {
    return apiRequest<LoginResponse>('/auth/login', { json: { email, password }, redirectOnUnauthorized: false });
  }

  const api = {
    get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
    post: <T>(path: string, json?: unknown) => apiRequest<T>(path, { method: 'POST', json: json ?? {} }),
    put: <T>(path: string, json: unknown) => apiRequest<T>(path, { method: 'PUT', json }),
    patch: <T>(path: string, json: unknown) => apiRequest<T>(path, { method: 'PATCH', json }),
    delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
    upload: <T>(path: string, rawBody: BodyInit, contentType?: string) => apiRequest<T>(path, { method: 'POST', rawBody, contentType }),
  };

  return { apiRequest, login, api };
}

export type ApiClient = ReturnType<typeof createApiClient>;
