/** Public pages the API renders itself, so they read without JavaScript and search engines see them. */
const EXACT = new Set(['/', '/articles', '/therapists', '/help', '/first-conversation', '/first-conversation/sent', '/robots.txt']);
const UNDER = ['/articles/', '/therapists/'];

/** True for paths the server-rendered site answers; the portal's fallback leaves them alone. */
export function isSitePath(path: string): boolean {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return EXACT.has(normalized) || UNDER.some((prefix) => path.startsWith(prefix));
}
