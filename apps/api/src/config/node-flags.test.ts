import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the API node flags', () => {
  it('are the same in node-flags.mjs (start script, benchmarks) and the package start script', async () => {
    const { API_NODE_FLAGS } = (await import(new URL('../../node-flags.mjs', import.meta.url).href)) as { API_NODE_FLAGS: string[] };
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    expect(API_NODE_FLAGS).toContain('--max-semi-space-size=8');
    expect(manifest.scripts.start).toBe(`node ${API_NODE_FLAGS.join(' ')} dist/main.js`);
  });
});
