import { createContext } from 'react';
import type { ViewerFieldsFragment } from './viewer.generated';

export type Viewer = ViewerFieldsFragment;

export interface ViewerState {
  /** The signed-in person, or null when nobody is (or sign-in is not finished). */
  viewer: Viewer | null;
  /** The IANA zone every time is shown in: the one the person chose, else this device's. */
  timeZone: string;
  /** True until we know whether someone is signed in. */
  loading: boolean;
  /** True when the `me` query itself failed (for example, offline). */
  failed: boolean;
  /** Empties the cache and puts the person from a finished sign-in into it, so every page sees them at once. */
  signedIn: (viewer: Viewer) => Promise<void>;
  /** Empties the cache and asks the API who is signed in (after a step that changed it on the server). */
  refresh: () => Promise<Viewer | null>;
  /** Ends the session on the server, forgets everything in memory and loads `to` (the sign-in page by default). */
  signOut: (to?: string) => Promise<void>;
  signingOut: boolean;
}

export const ViewerContext = createContext<ViewerState | null>(null);
