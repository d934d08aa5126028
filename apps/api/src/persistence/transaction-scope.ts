import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { UnitOfWork } from '@autocase/core';

const activeTransaction = new AsyncLocalStorage<EntityManager>();

/**
 * The EntityManager a repository call should use: the one of the unit of work it runs in (so
 * its statements join that transaction), else a fresh fork that commits on its own. On SQLite
 * (one connection) a statement outside the open transaction would wait for it forever, so every
 * repository a unit of work calls must read its EntityManager here.
 */
export function scopedEm(orm: MikroORM): EntityManager {
  return activeTransaction.getStore() ?? orm.em.fork();
}

/** True while the caller runs inside a unit of work. */
export function inUnitOfWork(): boolean {
  return activeTransaction.getStore() !== undefined;
}

/** Runs `work` in the current unit of work, or in a new transaction that repositories called inside it join. */
export function inTransaction<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const current = activeTransaction.getStore();
  if (current) return work(current);
  return orm.em.fork().transactional((em) => activeTransaction.run(em as unknown as EntityManager, () => work(em as unknown as EntityManager)));
}

/** Core's UnitOfWork over MikroORM: everything the work writes through the repositories commits together or not at all. */
export class MikroUnitOfWork implements UnitOfWork {
  constructor(private readonly orm: MikroORM) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return inTransaction(this.orm, () => work());
  }
}
