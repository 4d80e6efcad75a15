import { useContext } from 'react';
import { ViewerContext } from './viewer-context';

/** Who is signed in, from the `me` query, plus the ways to change that. */
export function useViewer() {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer must be used inside <ViewerProvider>.');
  return state;
}
