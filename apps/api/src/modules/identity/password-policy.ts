import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { newPasswordSchema } from '@attune/domain';
import { badInput, parseInput } from '../../common/errors';

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/**
 * Length rules come from the shared domain schema; on top, a password that is common or built from
 * the person's own details is refused (zxcvbn's dictionaries of leaked passwords).
 */
export function assertAcceptablePassword(password: string, personal: string[], path = ['password']) {
  parseInput(newPasswordSchema, password, path);
  const result = zxcvbn.check(password, personal.flatMap(personalWords));
  if (result.score < 3) {
    throw badInput([
      { path, message: 'That password is too easy to guess: it is common, or close to your name or email. A few unrelated words together work well.' },
    ]);
  }
}

/** A name or email and its pieces, lower-cased and joined, as people fold them into passwords. */
function personalWords(value: string) {
  const parts = value.toLowerCase().split(/[@.\s_-]+/).filter(Boolean);
  return [value.toLowerCase(), parts.join(''), ...parts];
}
