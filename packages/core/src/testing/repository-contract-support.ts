import { afterEach, beforeEach } from 'vitest';
import type { NewCase } from '../domain/case.js';
import type { RepositorySet } from './in-memory-repositories.js';

export type RepositorySetFactory<Set extends RepositorySet = RepositorySet> = () => Set | Promise<Set>;

export interface RepositoryContractOptions<Set extends RepositorySet = RepositorySet> {
  /** Called after each test with the set the factory returned (close connections, drop data). */
  teardown?: (set: Set) => void | Promise<void>;
}

/** Registers beforeEach/afterEach hooks and returns a getter for the current test's repository set. */
export function useRepositorySet<Set extends RepositorySet>(factory: RepositorySetFactory<Set>, options: RepositoryContractOptions<Set> = {}): () => Set {
  let current: Set | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    if (current && options.teardown) await options.teardown(current);
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the repository set is only available inside a test');
    return current;
  };
}

/** A token unique to one test run, so contract tests do not depend on an empty database. */
export function uniqueToken(): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function caseDraft(overrides: Partial<NewCase> = {}): NewCase {
  return {
    title: 'Charged twice for order 1234',
    status: 'new',
    channel: 'chat',
    fields: {},
    conversationId: null,
    contactEmail: null,
    parentCaseId: null,
    resolvedAt: null,
    ...overrides,
  };
}
