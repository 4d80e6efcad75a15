import { PASSWORD_MIN_LENGTH } from '@attune/domain';

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words together are easy to remember and hard to guess.`;
