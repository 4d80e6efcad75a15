import { describe, expect, it } from 'vitest';
import { draftToFormValues, draftToKeep, formValuesToScores, measureFormSchema, questionsWithProblems, scoreWords, unansweredWords } from './measure-form';
import { kindFromSlug, measurePath, progressWords } from './measure-words';
import { toldTherapist, TOLD_WITHIN_MS } from './measure-support';

describe('a kept draft and the form', () => {
  it('opens with the draft filled in, one entry per question, whatever length the draft is', () => {
    expect(draftToFormValues([1, 0, null, 3], 9).answers).toEqual(['1', '0', null, '3', null, null, null, null, null]);
    expect(draftToFormValues([], 7).answers).toEqual(Array(7).fill(null));
    // A draft longer than the measure (it cannot come from the API, but must not break the form) is cut to the questions.
    expect(draftToFormValues([2, 2, 2, 2, 2, 2, 2, 2, 2], 7).answers).toHaveLength(7);
  });

  it('turns chosen radios back into scores, null where nothing is chosen', () => {
    expect(formValuesToScores(['0', null, '3', undefined, ''])).toEqual([0, null, 3, null, null]);
  });

  it('keeps a partial draft by the domain’s rule, and refuses what the API would refuse', () => {
    expect(draftToKeep(['2', null, '1'])).toEqual([2, null, 1]);
    expect(draftToKeep(['4'])).toBeNull();
    expect(draftToKeep(Array(10).fill('0'))).toBeNull();
  });
});

describe('submitting', () => {
  it('accepts every question answered, as scores', () => {
    const parsed = measureFormSchema('GAD7').safeParse({ answers: ['0', '1', '2', '3', '0', '1', '2'] });
    expect(parsed.success && parsed.data.answers).toEqual([0, 1, 2, 3, 0, 1, 2]);
  });

  it('names each unanswered question where it is, with the domain’s words', () => {
    const parsed = measureFormSchema('PHQ9').safeParse({ answers: ['0', '1', null, '0', '0', '0', null, '0', '0'] });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    expect(issues).toEqual([
      { path: ['answers', 2], message: 'Question 3 still needs an answer.' },
      { path: ['answers', 6], message: 'Question 7 still needs an answer.' },
    ]);
  });

  it('lists the questions with problems from the form’s sparse error list, and says them', () => {
    const errors: unknown[] = [];
    errors[2] = { message: 'Question 3 still needs an answer.' };
    errors[8] = { message: 'Question 9 still needs an answer.' };
    expect(questionsWithProblems(errors)).toEqual([3, 9]);
    expect(questionsWithProblems(undefined)).toEqual([]);
    expect(unansweredWords([])).toBe('');
    expect(unansweredWords([4])).toBe('Question 4 still needs an answer.');
    expect(unansweredWords([3, 9])).toBe('Questions 3 and 9 still need an answer.');
    expect(unansweredWords([1, 5, 9])).toBe('Questions 1, 5 and 9 still need an answer.');
  });

  it('says the total in plain numbers, without a clinical label', () => {
    expect(scoreWords('PHQ-9', 11, 27)).toBe('Your total on the PHQ-9 is 11 out of 27.');
  });
});

describe('progress and addresses', () => {
  it('counts the questions answered, from scores or from radio values', () => {
    expect(progressWords([1, null, 0, null]).words).toBe('2 of 4 answered');
    expect(progressWords(['3', null, '', undefined, '0'])).toEqual({ answered: 2, total: 5, words: '2 of 5 answered' });
    expect(progressWords(Array(9).fill(null)).words).toBe('0 of 9 answered');
  });

  it('gives each measure a page, and reads the page’s address back', () => {
    expect(measurePath('PHQ9')).toBe('/measures/phq-9');
    expect(kindFromSlug('gad-7')).toBe('GAD7');
    expect(kindFromSlug('PHQ-9')).toBe('PHQ9');
    expect(kindFromSlug('support')).toBeNull();
    expect(kindFromSlug(undefined)).toBeNull();
  });
});

describe('the support page opened afresh', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it('says the therapist was told only when the latest answers signalled risk, and recently', () => {
    expect(toldTherapist({ safetyConcern: true, completedAt: '2026-12-02T11:59:00Z' }, now)).toBe(true);
    expect(toldTherapist({ safetyConcern: false, completedAt: '2026-12-02T11:59:00Z' }, now)).toBe(false);
    expect(toldTherapist({ safetyConcern: true, completedAt: new Date(now - TOLD_WITHIN_MS - 1).toISOString() }, now)).toBe(false);
    expect(toldTherapist(null, now)).toBe(false);
  });
});
