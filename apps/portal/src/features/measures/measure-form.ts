import { measureAnswersSchema, measureDraftAnswersSchema, type MeasureKind } from '@attune/domain';
import { z } from 'zod';

/** What the form holds: one entry per question, the chosen radio's value ("0"–"3"), or null while none is chosen. */
export interface MeasureFormValues {
  answers: (string | null)[];
}

/** The kept draft as the form's starting values: one entry per question, however long the draft. */
export function draftToFormValues(draftAnswers: readonly (number | null)[], itemCount: number): MeasureFormValues {
  return { answers: Array.from({ length: itemCount }, (_, index) => (typeof draftAnswers[index] === 'number' ? String(draftAnswers[index]) : null)) };
}

/** The form's radio values as scores: null where nothing is chosen yet. */
export function formValuesToScores(answers: readonly (string | null | undefined)[]): (number | null)[] {
  return answers.map((answer) => (answer === null || answer === undefined || answer === '' ? null : Number(answer)));
}

/** The form's rules are the domain's: every question answered with one of the four answers, in order. */
export function measureFormSchema(kind: MeasureKind) {
  return z.object({ answers: z.array(z.string().nullable()).transform(formValuesToScores).pipe(measureAnswersSchema(kind)) });
}

/** The answers so far as a draft to keep, or null when they are not one the API would keep (the domain's rule). */
export function draftToKeep(answers: readonly (string | null | undefined)[]): (number | null)[] | null {
  const parsed = measureDraftAnswersSchema.safeParse(formValuesToScores(answers));
  return parsed.success ? parsed.data : null;
}

/** The question numbers (from 1) that have a problem, in order, from the form's errors for `answers`. */
export function questionsWithProblems(errors: readonly unknown[] | undefined | null): number[] {
  if (!errors) return [];
  const numbers: number[] = [];
  for (let index = 0; index < errors.length; index += 1) if (errors[index]) numbers.push(index + 1);
  return numbers;
}

/** "Question 3 still needs an answer." / "Questions 3, 5 and 9 still need an answer." */
export function unansweredWords(questionNumbers: readonly number[]): string {
  if (questionNumbers.length === 0) return '';
  if (questionNumbers.length === 1) return `Question ${questionNumbers[0]} still needs an answer.`;
  const listed = `${questionNumbers.slice(0, -1).join(', ')} and ${questionNumbers.at(-1)}`;
  return `Questions ${listed} still need an answer.`;
}

/** The total in plain numbers; the band's clinical name is for the therapist, not the client (VOICE.md). */
export function scoreWords(measureName: string, total: number, maxScore: number) {
  return `Your total on the ${measureName} is ${total} out of ${maxScore}.`;
}
