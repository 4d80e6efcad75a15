import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setChosenTimeZone, viewerTimeZone } from '../../app/time-zone';
import { SignOutDocument, ViewerDocument } from './viewer.generated';
import { forgetReflectionDrafts } from '../reflections/draft-storage';
import { ViewerContext, type Viewer, type ViewerState } from './viewer-context';

/** Knows who is signed in (the `me` query) and offers sign-in, refresh and sign-out to every page. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, loading, error } = useQuery(ViewerDocument);
  const [signOutMutation] = useMutation(SignOutDocument);
  const [signingOut, setSigningOut] = useState(false);

  // A new sign-in starts from an empty cache, so nothing fetched for a previous person (whose session
  // ended in this tab) can be shown to the next one. resetStore keeps the watching queries (unlike
  // clearStore) and fetches them again, `me` among them, now with the new session.
  const signedIn = useCallback(
    async (viewer: Viewer) => {
      await client.resetStore();
      client.writeQuery({ query: ViewerDocument, data: { me: viewer } });
    },
    [client],
  );

  const refresh = useCallback(async () => {
    await client.resetStore();
    return client.readQuery({ query: ViewerDocument })?.me ?? null;
  }, [client]);

  const signOut = useCallback(async (to = '/sign-in?signed-out=1') => {
    setSigningOut(true);
    try {
      await signOutMutation();
    } catch {
      // Even if the server could not be told, this browser forgets the session below.
    }
    // Nothing of this person's data stays behind: reflection drafts on this device (the server keeps its
    // copy, saved within a second of typing), the cache, then a fresh page.
    forgetReflectionDrafts();
    await client.clearStore();
    window.location.assign(to);
  }, [client, signOutMutation]);

  // However a session ends (timed out, ended from another device, or gone by the time this page loaded),
  // once the API says nobody is signed in, this device keeps no reflection drafts, as on signing out.
  const signedOut = Boolean(data) && !data?.me;
  useEffect(() => {
    if (signedOut) forgetReflectionDrafts();
  }, [signedOut]);

  // Before any page renders: every time the portal shows is in the zone the person chose, else the device's.
  setChosenTimeZone(data?.me?.timeZone);
  const timeZone = viewerTimeZone();

  const value = useMemo<ViewerState>(
    () => ({ viewer: data?.me ?? null, timeZone, loading: loading && !data, failed: Boolean(error) && !data, signedIn, refresh, signOut, signingOut }),
    [data, timeZone, loading, error, signedIn, refresh, signOut, signingOut],
  );
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}
