import path from 'node:path';

/** Where the workspace builds the portal; PORTAL_DIST overrides it. */
export function defaultPortalDist() {
  return path.resolve(__dirname, '../../portal/dist');
}
