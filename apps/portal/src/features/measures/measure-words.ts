import type { MeasureKind } from '../../gql/types';

/**
 * How the portal names each measure to a client, and where its page lives. No imports beyond types: the
 * client's home uses these, and must stay light.
 */
export const MEASURE_WORDS: Record<MeasureKind, { slug: string; about: string }> = {
  PHQ9: { slug: 'phq-9', about: "how you've been feeling over the last two weeks" },
  GAD7: { slug: 'gad-7', about: "how worried or on edge you've felt over the last two weeks" },
};

/** The page where a client fills in a measure. */
export const measurePath = (kind: MeasureKind) => `/measures/${MEASURE_WORDS[kind].slug}`;

/** The measure a page address names, or null when it names none. */
export function kindFromSlug(slug: string | undefined): MeasureKind | null {
  const found = (Object.keys(MEASURE_WORDS) as MeasureKind[]).find((kind) => MEASURE_WORDS[kind].slug === slug?.toLowerCase());
  return found ?? null;
}

/** "3 of 9 answered": how far along a measure is, for the progress line and for a kept draft on the home page. */
export function progressWords(answers: readonly (number | string | null | undefined)[]) {
  const answered = answers.filter((answer) => answer !== null && answer !== undefined && answer !== '').length;
  return { answered, total: answers.length, words: `${answered} of ${answers.length} answered` };
}
