import type { Logger } from 'typeorm';
import type { TestApp } from './harness';

/** Every SQL statement the data source sends, sorted into the sign-in lookup, audit rows and the rest. */
export function countStatements(t: TestApp) {
  const original = t.dataSource.logger;
  const counter = { session: 0, audit: 0, other: [] as string[] };
  t.dataSource.logger = new Proxy(original, {
    get(target, prop: keyof Logger) {
      if (prop === 'logQuery')
        return (sql: string) => {
          if (/auth_sessions/.test(sql)) counter.session++;
          else if (/^INSERT INTO "audit_events"/.test(sql)) counter.audit++;
          else counter.other.push(sql);
        };
      return target[prop];
    },
  });
  return { counter, restore: () => (t.dataSource.logger = original) };
}
