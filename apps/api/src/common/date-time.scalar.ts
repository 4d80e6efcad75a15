import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** An instant with its offset, as the API writes them: 2026-12-01T09:00:00Z, 2026-12-01T10:00:00.000+01:00. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function refuse(found: string) {
  return new GraphQLError(`A DateTime is an ISO 8601 date and time with an offset, such as 2026-12-01T09:00:00Z; ${found} is not one.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'DATETIME_MALFORMED' },
  });
}

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string') throw refuse(typeof value === 'number' ? 'a number' : 'what was sent');
  const date = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(date.getTime())) throw refuse('the text sent');
  return date;
}

/**
 * `DateTime`, strict on the way in: Nest's own scalar turned a number into a 1970 date and any other literal
 * into null, so a mistyped filter was quietly dropped. Bad input is refused with BAD_USER_INPUT instead.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time: ISO 8601 with an offset (answers are in UTC, e.g. 2026-12-01T09:00:00.000Z).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    // Rows read as text already hold an ISO instant: passed on as they are, as Nest's scalar did.
    if (typeof value === 'string') return value;
    throw new GraphQLError('DateTime cannot represent this value.');
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw refuse(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? 'a number' : 'what was written');
    return parseInstant(ast.value);
  },
});
