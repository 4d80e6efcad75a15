import { Field } from '@nestjs/graphql';
import { AppError } from './errors';

/**
 * The `updatedSince` argument of a list, described with what counts as a change for that list, so an
 * integration can poll for changes instead of reading everything again.
 */
export function UpdatedSinceField(whatCounts: string): PropertyDecorator {
  return Field(() => Date, {
    nullable: true,
    description:
      `Only items changed after this instant (ISO 8601 with an offset, e.g. 2026-12-01T09:00:00Z; not in the future). ${whatCounts} ` +
      'To poll, pass the time you sent your previous request, less a minute for changes still being saved, and skip ids you already have.',
  });
}

/** Stable reasons in `extensions.reason`, for programs that poll. */
export const UPDATED_SINCE_IN_FUTURE = 'UPDATED_SINCE_IN_FUTURE';

function refuse(reason: string, message: string) {
  return new AppError('BAD_USER_INPUT', message, { reason, fields: [{ path: ['updatedSince'], message }] });
}

/**
 * Checks `updatedSince` before anything is read (the DateTime scalar has already refused what is not an
 * instant). A future instant can match nothing and is almost always a clock or time-zone mistake, so it is
 * refused rather than answered with an empty page.
 */
export function parseUpdatedSince(value: Date | null | undefined, now = new Date()): Date | null {
  if (value === null || value === undefined) return null;
  if (value.getTime() > now.getTime()) {
    throw refuse(UPDATED_SINCE_IN_FUTURE, `updatedSince is in the future (the server's time is ${now.toISOString()}).`);
  }
  return value;
}
