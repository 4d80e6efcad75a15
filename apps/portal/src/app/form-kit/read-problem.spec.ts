import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { loadProblemMessage, readProblem } from './read-problem';

const graphQLError = (extensions: Record<string, unknown>, message = 'The API said this') => new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('loadProblemMessage', () => {
  it('says what could not load in the page\'s own words, never the server\'s', () => {
    expect(loadProblemMessage(graphQLError({ code: 'INTERNAL_SERVER_ERROR' }, 'connection refused at 10.0.0.3'), 'your caseload')).toBe(
      "We couldn't load your caseload just now. Please try again in a moment.",
    );
  });

  it('tells someone offline that nothing they typed is lost', () => {
    expect(loadProblemMessage(new TypeError('Failed to fetch'), 'your home')).toBe(readProblem(new TypeError('Failed to fetch')).message);
    expect(loadProblemMessage(new TypeError('Failed to fetch'), 'your home')).toMatch(/Nothing you typed has been lost/);
  });

  it('names sign-in, other members and a missing record by their codes', () => {
    expect(loadProblemMessage(graphQLError({ code: 'UNAUTHENTICATED' }), 'x')).toBe('Please sign in to see this page.');
    expect(loadProblemMessage(graphQLError({ code: 'FORBIDDEN' }), 'x')).toBe('This page is for other members of the practice.');
    expect(loadProblemMessage(graphQLError({ code: 'NOT_FOUND' }), 'x')).toBe('We could not find that.');
    expect(loadProblemMessage(graphQLError({ code: 'BAD_USER_INPUT', fields: [{ path: ['clientId'], message: 'Not an id' }] }), 'x')).toBe('We could not find that.');
  });
});
