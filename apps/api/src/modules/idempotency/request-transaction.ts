import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { requestScope } from '../../common/request-context';

const joined = new WeakSet<DataSource>();

/** The transaction the current request's queries join, if it has one. */
export const requestTransaction = (): EntityManager | undefined => requestScope.getStore()?.transaction;

/**
 * Makes every query a request sends through the data source join that request's transaction while it has
 * one: `dataSource.manager` (and so `getRepository` and `transaction`, which becomes a savepoint),
 * `dataSource.query` and `dataSource.createQueryBuilder`. Repositories keep taking the DataSource as they do,
 * and a mutation sent with an Idempotency-Key commits its writes and its stored answer together.
 * Joining is also what keeps the embedded database (one connection) from waiting on itself.
 */
export function joinRequestTransactions(dataSource: DataSource) {
  if (joined.has(dataSource)) return;
  joined.add(dataSource);
  const ownManager = dataSource.manager;
  Object.defineProperty(dataSource, 'manager', { configurable: true, get: () => requestTransaction() ?? ownManager });

  const query = dataSource.query.bind(dataSource);
  dataSource.query = (sql: string, parameters?: unknown[], queryRunner?: QueryRunner) => {
    const transaction = requestTransaction();
    return queryRunner || !transaction ? query(sql, parameters, queryRunner) : transaction.query(sql, parameters);
  };

  const createQueryBuilder = dataSource.createQueryBuilder.bind(dataSource) as (...args: unknown[]) => unknown;
  dataSource.createQueryBuilder = ((entityOrRunner?: unknown, alias?: string, queryRunner?: QueryRunner) => {
    const transaction = requestTransaction();
    if (!transaction) return createQueryBuilder(entityOrRunner, alias, queryRunner);
    // Without an alias the only argument is a query runner, or nothing.
    return alias ? createQueryBuilder(entityOrRunner, alias, queryRunner ?? transaction.queryRunner) : createQueryBuilder(entityOrRunner ?? transaction.queryRunner);
  }) as DataSource['createQueryBuilder'];
}
