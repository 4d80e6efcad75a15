import { useEffect } from 'react';

/** Each page names itself, so tabs, history and screen readers say where you are. */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Attune` : 'Attune';
  }, [title]);
}
