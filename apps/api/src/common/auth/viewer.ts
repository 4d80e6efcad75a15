import type { Request, Response } from 'express';
import type { ApiScope, Role } from '@attune/domain';

/** Who is asking. `scopes` is null for a person in the portal, and the token's scopes for an API token. */
export interface Viewer {
  userId: string;
  role: Role;
  displayName: string;
  sessionId: string | null;
  tokenId: string | null;
  scopes: ReadonlySet<ApiScope> | null;
}

export interface RequestContext {
  req: Request;
  res: Response;
  requestId: string;
  viewer: Viewer | null;
}
