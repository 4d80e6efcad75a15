import { SetMetadata } from '@nestjs/common';
import type { ApiScope } from '@attune/domain';

export const REQUIRED_SCOPE = 'attune:requiredScope';

/**
 * The scope an API token needs for this operation. Operations without one are closed to tokens:
 * a token can only ever do less than its owner.
 */
export const RequireScope = (scope: ApiScope) => SetMetadata(REQUIRED_SCOPE, scope);
