import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'attune:isPublic';

/** Resolvers are guarded by default; this marks the few that anonymous callers may use. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
