import { describe, expect, it } from 'vitest';
import { pipelineStageOf, stageOf, summarizeCpuProfile } from './cpu-profile.mjs';

const frame = (functionName, url) => ({ functionName, url, lineNumber: 9, columnNumber: 0, scriptId: '1' });

describe('cpu profile summary', () => {
  it('names the package or workspace folder a script belongs to', () => {
    expect(stageOf('file:///repo/node_modules/.pnpm/kysely@0.29.6/node_modules/kysely/dist/esm/query.js')).toBe('kysely');
    expect(stageOf('file:///repo/node_modules/.pnpm/@mikro-orm+core@7.2.1/node_modules/@mikro-orm/core/index.js')).toBe('@mikro-orm/core');
    expect(stageOf('file:///repo/packages/core/dist/use-cases/x.js')).toBe('packages/core/use-cases');
    expect(stageOf('node:internal/streams/readable')).toBe('node core');
    expect(pipelineStageOf('better-sqlite3')).toMatch(/^persistence/);
    expect(pipelineStageOf('mailparser')).toMatch(/^MIME parsing/);
    expect(pipelineStageOf('left-pad')).toBe('other (left-pad)');
  });

  it('sums self time per function and stage after the skipped start, idle left out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('prepare', 'file:///r/node_modules/better-sqlite3/lib/database.js') },
        { id: 3, callFrame: frame('parse', 'file:///r/node_modules/mailparser/lib/mail-parser.js') },
        { id: 4, callFrame: frame('(idle)', '') },
      ],
      samples: [3, 2, 2, 3, 4],
      timeDeltas: [5000, 1000, 3000, 1000, 7000],
    };
    const summary = summarizeCpuProfile(profile, 5, { skipMs: 5 });
    expect(summary.busyMs).toBe(5);
    expect(summary.idleMs).toBe(7);
    expect(summary.slowestStage).toMatch(/^persistence/);
    expect(summary.functions[0]).toEqual({ name: 'prepare better-sqlite3:10', selfMs: 4, share: 0.8 });
    expect(summary.packages.map((entry) => entry.name)).toEqual(['better-sqlite3', 'mailparser']);
  });
});
