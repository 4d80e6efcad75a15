import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, formatGraphQLError } from './errors';

describe('formatGraphQLError', () => {
  it('masks internal errors with the request id to quote, and logs the original', () => {
    const logged: unknown[] = [];
    const original = new Error('duplicate key value violates unique constraint "users_email_key" DETAIL: Key (email)=(secret@example.test)');
    const formatted = formatGraphQLError({ message: original.message, path: ['signIn'] }, new GraphQLError(original.message, { originalError: original }), 'req-123', (e) => logged.push(e));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' });
    expect(formatted.message).toContain('req-123');
    expect(JSON.stringify(formatted)).not.toMatch(/duplicate|secret@example|stack/);
    expect(logged).toEqual([original]);
  });

  it('passes our own errors through with their code', () => {
    const error = new AppError('CONFLICT', 'Already checked in.');
    const formatted = formatGraphQLError({ message: error.message }, new GraphQLError(error.message, { originalError: error }), 'r', () => undefined);
    expect(formatted.extensions).toMatchObject({ code: 'CONFLICT', requestId: 'r' });
  });

  describe('when the database is away', () => {
    const format = (original: Error) =>
      formatGraphQLError({ message: original.message, path: ['writeReflection'] }, new GraphQLError(original.message, { originalError: original }), 'r-9', () => undefined);
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
    const sql = 'INSERT INTO "reflections"("body") VALUES ($1)';

    it.each([
      ['a connection cut mid-query', new QueryFailedError(sql, ['I felt alone today'], new Error('Connection terminated unexpectedly'))],
      ['a backend terminated by an administrator', new QueryFailedError(sql, ['I felt alone today'], withCode('terminating connection due to administrator command', '57P01'))],
      ['a statement timeout', new QueryFailedError(sql, ['I felt alone today'], withCode('canceling statement due to statement timeout', '57014'))],
      ['no connection in time', new Error('timeout exceeded when trying to connect')],
      ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
      ['a database that takes no connections', withCode('database "attune" is not currently accepting connections', '55000')],
    ])('answers SERVICE_UNAVAILABLE for %s, without SQL or what was written', (_name, original) => {
      const formatted = format(original);
      expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId: 'r-9' });
      expect(JSON.stringify(formatted)).not.toMatch(/INSERT|alone|reflections|ECONNREFUSED|5432|statement/);
    });

    it('keeps a bad query an internal error', () => {
      expect(format(new QueryFailedError(sql, [], withCode('column "bodyy" does not exist', '42703'))).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(format(withCode('currval of sequence "s" is not yet defined in this session', '55000')).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    });
  });
});
