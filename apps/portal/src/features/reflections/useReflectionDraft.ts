import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SaveReflectionDraftDocument } from '../../gql/graphql';

export interface Draft {
  body: string;
  mood: number | null;
}

interface StoredDraft extends Draft {
  /** When it was typed (ms). */
  changedAt: number;
  /** True once the server has it too. */
  synced: boolean;
}

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** How long typing pauses before the draft is sent; the device copy is written at every keystroke. */
const SAVE_AFTER_MS = 800;
/** After a failed save, try again this often (and as soon as the browser says it is back online). */
const RETRY_MS = 10_000;

const STORAGE_PREFIX = 'attune.reflection-draft.';
const storageKey = (userId: string) => `${STORAGE_PREFIX}${userId}`;

/**
 * Removes every reflection draft kept on this device. For signing out: a draft is private writing, and the
 * next person at a shared computer should not find it in the browser's storage.
 */
export function forgetReflectionDrafts() {
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(STORAGE_PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // Storage switched off: nothing was kept.
  }
}

function readStored(userId: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof value.body !== 'string') return null;
    return { body: value.body, mood: typeof value.mood === 'number' ? value.mood : null, changedAt: Number(value.changedAt) || 0, synced: Boolean(value.synced) };
  } catch {
    return null;
  }
}

function writeStored(userId: string, draft: StoredDraft) {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(draft));
  } catch {
    // Storage can be full or switched off; the server copy still saves.
  }
}

/**
 * The reflection being written, never lost: every change is kept on this device at once (so a reload or a
 * dropped connection loses nothing) and sent to the server shortly after typing pauses. On load the newer
 * of the two copies wins, and a device copy the server never received is sent again.
 */
export function useReflectionDraft(userId: string, serverDraft: { body: string; mood?: number | null; updatedAt: string } | null | undefined) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(userId, serverDraft));
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [saveDraft] = useMutation(SaveReflectionDraftDocument);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const latest = useRef(draft);
  const closed = useRef(false);

  const send = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (closed.current) return;
    const sending = latest.current;
    setStatus('saving');
    // Not retried by the link: this hook resends the newest words itself, and a late old copy could bring back a cleared draft.
    const attempt = saveDraft({ variables: { body: sending.body, mood: sending.mood }, context: { retry: false } });
    inFlight.current = attempt;
    try {
      await attempt;
      if (closed.current) return;
      // Only mark the device copy as sent if nothing changed while the request was on its way.
      if (latest.current === sending) writeStored(userId, { ...sending, changedAt: Date.now(), synced: true });
      setSavedAt(Date.now());
      setStatus('saved');
    } catch {
      if (closed.current) return;
      setStatus('failed');
      timer.current = window.setTimeout(() => void send(), RETRY_MS);
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
  }, [saveDraft, userId]);

  const change = useCallback(
    (next: Draft) => {
      closed.current = false;
      latest.current = next;
      setDraft(next);
      writeStored(userId, { ...next, changedAt: Date.now(), synced: false });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void send(), SAVE_AFTER_MS);
    },
    [send, userId],
  );

  /** The reflection was saved for good: stop saving the draft and forget the device copy. */
  const finish = useCallback(async () => {
    closed.current = true;
    window.clearTimeout(timer.current);
    // A draft save still on its way must land before the reflection is written (which clears the draft).
    await inFlight.current?.catch(() => undefined);
  }, []);

  const clear = useCallback(() => {
    closed.current = true;
    window.clearTimeout(timer.current);
    const empty = { body: '', mood: null };
    latest.current = empty;
    setDraft(empty);
    setStatus('idle');
    try {
      window.localStorage.removeItem(storageKey(userId));
    } catch {
      // Nothing to remove.
    }
  }, [userId]);

  /** Writing failed: keep saving the draft as before. */
  const reopen = useCallback(() => {
    closed.current = false;
  }, []);

  useEffect(() => {
    // A device copy the server never received (the last visit went offline) is sent now.
    const stored = readStored(userId);
    if (stored && !stored.synced && stored.body === latest.current.body) void send();
    const online = () => {
      if (!closed.current && readStored(userId)?.synced === false) void send();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
  }, [send, userId]);

  return { draft, change, status, savedAt, finish, clear, reopen };
}

function initialDraft(userId: string, server: { body: string; mood?: number | null; updatedAt: string } | null | undefined): Draft {
  const stored = readStored(userId);
  const serverAt = server ? Date.parse(server.updatedAt) : 0;
  if (stored && (!server || !stored.synced || stored.changedAt > serverAt)) return { body: stored.body, mood: stored.mood };
  if (server) return { body: server.body, mood: server.mood ?? null };
  return { body: '', mood: null };
}
