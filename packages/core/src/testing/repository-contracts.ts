import type { RepositorySet } from './in-memory-repositories.js';
import { runAuditRepositoryContract, runNoteRepositoryContract } from './audit-and-note-repository-contract.js';
import { runCaseRepositoryContract } from './case-repository-contract.js';
import { runConfigurationRepositoryContract, runConversationRepositoryContract } from './conversation-and-configuration-contract.js';
import { runPredictionLogRepositoryContract } from './prediction-log-repository-contract.js';
import type { RepositoryContractOptions, RepositorySetFactory } from './repository-contract-support.js';

/**
 * Runs every repository contract suite over one implementation: cases, audit, notes,
 * conversations, configuration, and the prediction log when the set has one.
 * Call it inside a vitest test file, e.g. once per database.
 */
export function runRepositoryContracts<Set extends RepositorySet>(
  name: string,
  factory: RepositorySetFactory<Set>,
  options: RepositoryContractOptions<Set> & { includePredictionLog?: boolean } = {},
): void {
  const generic = factory as RepositorySetFactory;
  const genericOptions = options as RepositoryContractOptions;
  runCaseRepositoryContract(name, generic, genericOptions);
  runAuditRepositoryContract(name, generic, genericOptions);
  runNoteRepositoryContract(name, generic, genericOptions);
  runConversationRepositoryContract(name, generic, genericOptions);
  runConfigurationRepositoryContract(name, generic, genericOptions);
  if (options.includePredictionLog) {
    runPredictionLogRepositoryContract(name, generic as Parameters<typeof runPredictionLogRepositoryContract>[1], genericOptions as Parameters<typeof runPredictionLogRepositoryContract>[2]);
  }
}
