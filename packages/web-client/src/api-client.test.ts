import { describe, expect, it, vi } from 'vitest';
import { buildApiPath, createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { createSessionStore, type Session, type SessionStorageHost } from './session-store.js';

describe('buildApiPath', () => {
  it('prefixes /api and drops empty query values', () => {
    expect(buildApiPath('/cases', { channel: 'email', status: '', q: undefined, page: 2 })).toBe('/api/cases?channel=email&page=2');
    expect(buildApiPath('admin/fields')).toBe('/api/admin/fields');
    expect(buildApiPath('/api/health')).toBe('/api/health');
  });

  it('encodes query values', () => {
    expect(buildApiPath('/emails', { q: 'a&b c' })).toBe('/api/emails?q=a%26b+c');
  });
});

const session: Session = { token: 'secret-token', user: { id: 'u1', email: 'ada@example.com', role: 'agent' } };

function memoryHost(): SessionStorageHost {
  const items = new Map<string, string>();
  return {
    localStorage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
}

function setup(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const host = memoryHost();
  const sessions = createSessionStore('autocase.test.session', () => host);
  const fetchMock = vi.fn((url: string | URL | Request, init?: RequestInit) => Promise.resolve(respond(String(url), init ?? {})));
  const navigate = vi.fn<(url: string) => void>();
  const client = createApiClient(sessions, { fetch: fetchMock as typeof fetch, navigate, currentPath: () => '/cases?page=2' });
  return { sessions, fetchMock, navigate, client };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiClient', () => {
  it('sends the bearer token and JSON body and parses the JSON answer', async () => {
    const { sessions, fetchMock, client } = setup(() => json(201, { id: 'c1' }));
    sessions.write(session);
    await expect(client.api.post<{ id: string }>('/cases', { subject: 'Hi' })).resolves.toEqual({ id: 'c1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/cases');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"subject":"Hi"}');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer secret-token');
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('throws ApiError with the described message for a failed request', async () => {
    const { client } = setup(() => json(400, { message: 'Invalid', issues: [{ path: ['email'], message: 'bad email' }] }));
    const failure = await client.api.get('/users').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(400);
    expect((failure as ApiError).fieldErrors).toEqual({ email: 'bad email' });
  });

  it('clears an expired session and sends the user to sign in', async () => {
    const { sessions, navigate, client } = setup(() => json(401, { message: 'Unauthorized' }));
    sessions.write(session);
    await expect(client.api.get('/cases')).rejects.toThrow('Unauthorized');
    expect(sessions.read()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/sign-in?reason=expired&next=%2Fcases%3Fpage%3D2');
  });

  it('does not redirect when a login is refused', async () => {
    const { sessions, navigate, client } = setup(() => json(401, { message: 'Wrong email or password' }));
    sessions.write(session);
    await expect(client.login('ada@example.com', 'nope')).rejects.toThrow('Wrong email or password');
    expect(navigate).not.toHaveBeenCalled();
    expect(sessions.read()).toEqual(session);
  });

  it('reports an unreachable API as status 0', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('fetch failed')));
    await expect(client.api.get('/health')).rejects.toMatchObject({ status: 0, message: expect.stringContaining('Cannot reach') });
  });

  it('returns null for 204 and text for non-JSON answers', async () => {
    const { client } = setup((url) => (url.endsWith('/a') ? new Response(null, { status: 204 }) : new Response('plain', { status: 200 })));
    await expect(client.api.delete('/a')).resolves.toBeNull();
    await expect(client.api.get('/b')).resolves.toBe('plain');
  });
});
