import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { readProblem, type Problem } from '../../app/problems';
import { formatSessionTime, formatWhen } from './time';

export type ClinicalProblem = Problem;

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z`;
const ISO_RANGE = new RegExp(`from (${ISO}) to (${ISO})`, 'g');
const ISO_TIME = new RegExp(ISO, 'g');

/** The API's problem, with any UTC time it names (a double-booking, for example) said in the reader's own time zone. */
export function readClinicalProblem(error: unknown): ClinicalProblem {
  const problem = readProblem(error);
  const message = problem.message.replace(ISO_RANGE, (_all, from: string, to: string) => `on ${formatSessionTime(from, to)}`).replace(ISO_TIME, (iso) => formatWhen(iso));
  return { ...problem, message };
}

export const isNotFound = (error: unknown) => CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'NOT_FOUND');
