import { GraphQLError } from 'graphql';
import { parseUpdatedSince } from './updated-since';

const now = new Date('2026-12-02T10:00:00.000Z');

function reasonOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? { code: error.extensions['code'], reason: error.extensions['reason'] } : error;
  }
  return 'accepted';
}

describe('parseUpdatedSince', () => {
  it('leaves the filter off when the argument is left out', () => {
    expect(parseUpdatedSince(undefined, now)).toBeNull();
    expect(parseUpdatedSince(null, now)).toBeNull();
  });

  it('takes an instant in the past, and now itself', () => {
    expect(parseUpdatedSince(new Date('2026-12-01T09:00:00Z'), now)?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(parseUpdatedSince(new Date(now), now)?.getTime()).toBe(now.getTime());
  });

  it('refuses an instant in the future, with a stable reason', () => {
    expect(reasonOf(() => parseUpdatedSince(new Date(now.getTime() + 1000), now))).toEqual({ code: 'BAD_USER_INPUT', reason: 'UPDATED_SINCE_IN_FUTURE' });
  });
});
