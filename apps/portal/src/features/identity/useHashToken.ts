import { useLocation } from 'react-router';

/**
 * Links in email carry their token after `#` (`/reset-password#token=…`): browsers never send the
 * fragment to a server, so it stays out of logs and Referer headers.
 */
export function useHashToken() {
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token && token.length >= 20 && token.length <= 100 ? token : null;
}
