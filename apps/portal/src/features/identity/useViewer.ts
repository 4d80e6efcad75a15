import { useContext } from 'react';
import { ViewerContext } from './viewer-context';

/** Who is signed in, from the `me` query, plus the ways to change that. */
export function useViewer() {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer must be used inside <ViewerProvider>.');
  return state;
}

/** The signed-in person, for pages inside a `<RequireViewer>` route: the guard renders them only once someone is. */
export function useSignedInViewer() {
  const { viewer } = useViewer();
  if (!viewer) throw new Error('useSignedInViewer is for pages behind <RequireViewer>.');
  return viewer;
}

