import { runRepositoryContracts } from './repository-contracts.js';
import { createInMemoryRepositories } from './in-memory-repositories.js';

runRepositoryContracts('in-memory', () => createInMemoryRepositories(), { includePredictionLog: true });
