import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { ADMIN, startTestApp, type TestApp } from './support/test-app.js';

const LIMIT = 5;

async function expectHumanTooMany(response: Response, pattern: RegExp): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  const body = (await response.json()) as { statusCode: number; message: string };
  expect(body.statusCode).toBe(429);
  expect(body.message).toMatch(pattern);
  expect(body.message).toContain(`${retryAfter} s`);
}

describeEachDatabase('per-address and per-account rate limits', (databaseId) => {
  let direct: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    direct = await startTestApp(databaseId, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    behindProxy = await startTestApp(databaseId, { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUSTED_PROXIES: 'loopback' });
  });
  afterAll(async () => {
    await direct?.close();
    await behindProxy?.close();
  });

  let probes = 0;
  const login = (app: TestApp, forwardedFor: string, password = 'wrong-password', email = `probe-${(probes += 1)}@example.com`) =>
    app.api('/auth/login', { method: 'POST', headers: { 'x-forwarded-for': forwardedFor }, json: { email, password } });

  it('ignores a client’s own X-Forwarded-For when no proxy is trusted (logins and chat starts)', async () => {
    const logins = [];
    for (let index = 1; index <= LIMIT + 2; index += 1) logins.push(await login(direct, `198.51.100.${index}`));
    expect(logins.map((response) => response.status)).toEqual([...Array(LIMIT).fill(401), 429, 429]);
    await expectHumanTooMany(logins[LIMIT]!, /too many requests from your address: at most 5 a minute; try again in \d+ s/);

    const starts = [];
    for (let index = 1; index <= LIMIT + 1; index += 1) starts.push(await direct.api('/chat/conversations', { method: 'POST', headers: { 'x-forwarded-for': `203.0.113.${index}` }, json: {} }));
    expect(starts.map((response) => response.status)).toEqual([...Array(LIMIT).fill(201), 429]);
    await expectHumanTooMany(starts[LIMIT]!, /try again in \d+ s/);
  });

  it('behind a trusted proxy keys on the address the proxy saw, not on what the client prepended', async () => {
    const statuses = [];
    for (let index = 1; index <= LIMIT + 1; index += 1) statuses.push((await login(behindProxy, `10.9.9.${index}, 192.0.2.44`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
    // Another client behind the same proxy still has its own budget.
    expect((await login(behindProxy, '192.0.2.45')).status).toBe(401);
  });

  it('lets only five of a parallel burst of guesses at one account reach the password check', async () => {
    const email = 'burst-target@example.com';
    const responses = await Promise.all(Array.from({ length: 20 }, (_, index) => login(behindProxy, `192.0.2.${10 + index}`, `guess-${index}`, email)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('makes an account wait after five failed sign-ins, even from rotating addresses and with the right password', async () => {
    const statuses = [];
    for (let index = 1; index <= 5; index += 1) statuses.push((await login(behindProxy, `192.0.2.${100 + index}`, 'not-the-password', ADMIN.email)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const refused = await login(behindProxy, '192.0.2.120', ADMIN.password, ADMIN.email);
    await expectHumanTooMany(refused, /too many failed sign-ins for this account: wait \d+ s/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(20);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    // Another account is not affected, and the right password works there.
    expect((await login(behindProxy, '192.0.2.121', 'wrong-password', 'someone-else@example.com')).status).toBe(401);
  });
});
