/** Where to go after signing in: only a path on this site, never another origin (no open redirect). */
export function safeReturnPath(value: string | null | undefined, fallback = '/') {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // The sign-in pages themselves are no place to come back to.
  if (/^\/(sign-in|forgot-password|reset-password|accept-invitation)\b/.test(value)) return fallback;
  return value;
}

export function signInPath(returnTo: string) {
  const next = safeReturnPath(returnTo, '');
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}
