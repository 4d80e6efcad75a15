import { EventSubscriber, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

const pending = new WeakMap<QueryRunner, Array<() => void>>();

/**
 * Runs `work` once the transaction `manager` belongs to has committed (at once when there is none), and
 * never when it rolls back. For effects outside the database that must not run ahead of the data, such as
 * telling other processes that a session has ended.
 */
export function afterCommit(manager: EntityManager, work: () => void) {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return work();
  const queued = pending.get(runner);
  if (queued) queued.push(work);
  else pending.set(runner, [work]);
}

/**
 * Registered on every data source; a savepoint's release is not the end of the transaction. TypeORM builds
 * only decorated classes from a data source's `subscribers`: without the decorator none of this ran.
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit({ queryRunner }: TransactionCommitEvent) {
    if (queryRunner.isTransactionActive) return;
    const queued = pending.get(queryRunner);
    pending.delete(queryRunner);
    queued?.forEach((work) => work());
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent) {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}
