import { GraphQLError } from 'graphql';
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
});
