import { storageKey } from './draft-storage';

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

export interface DraftState {
  draft: Draft;
  status: DraftStatus;
  /** When the server last confirmed a save (ms). */
  savedAt: number | null;
}

/** The server's copy, as the `reflectionDraft` query answers it. */
export type ServerDraft = { body: string; mood?: number | null; updatedAt: string } | null | undefined;

/** How long typing pauses before the draft is sent; the device copy is written at every keystroke. */
export const SAVE_AFTER_MS = 800;
/** After a failed save, try again this often (and as soon as the browser says it is back online). */
export const RETRY_MS = 10_000;

const EMPTY: Draft = { body: '', mood: null };

function readStored(storage: Storage | null, userId: string): StoredDraft | null {
  try {
    const raw = storage?.getItem(storageKey(userId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof value.body !== 'string') return null;
    return { body: value.body, mood: typeof value.mood === 'number' ? value.mood : null, changedAt: Number(value.changedAt) || 0, synced: Boolean(value.synced) };
  } catch {
    return null;
  }
}

function writeStored(storage: Storage | null, userId: string, draft: StoredDraft) {
  try {
    storage?.setItem(storageKey(userId), JSON.stringify(draft));
  } catch {
    // Storage can be full or switched off; the server copy still saves.
  }
}

/** On load the newer of the two copies wins, and a device copy the server never received wins over the server's. */
export function initialDraft(stored: StoredDraft | null, server: ServerDraft): Draft {
  const serverAt = server ? Date.parse(server.updatedAt) : 0;
  if (stored && (!server || !stored.synced || stored.changedAt > serverAt)) return { body: stored.body, mood: stored.mood };
  if (server) return { body: server.body, mood: server.mood ?? null };
  return EMPTY;
}

interface Options {
  userId: string;
  /** The browser's localStorage, or null when it is switched off. */
  storage: Storage | null;
  serverDraft: ServerDraft;
  /** Sends the draft to the server (the `saveReflectionDraft` mutation). */
  save: (draft: Draft) => Promise<unknown>;
  /** Told of every change, for the page to show. */
  onChange: (state: DraftState) => void;
  /** Where the browser says it is back online (the window). */
  connection: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
}

/**
 * The reflection being written, never lost: every change is kept on this device at once (so a reload or a
 * dropped connection loses nothing) and sent to the server shortly after typing pauses; a failed save is
 * tried again. A plain object, so the order of saves, retries and the final write can be tested without a browser.
 */
export class ReflectionDraftSync {
  state: DraftState;
  private latest: Draft;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<unknown> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: Options) {
    this.latest = initialDraft(readStored(options.storage, options.userId), options.serverDraft);
    this.state = { draft: this.latest, status: 'idle', savedAt: null };
    this.now = options.now ?? Date.now;
  }

  /** Starts watching the connection; a device copy the server never received (the last visit went offline) is sent now. */
  start() {
    const stored = readStored(this.options.storage, this.options.userId);
    if (stored && !stored.synced && stored.body === this.latest.body) void this.send();
    const online = () => {
      if (!this.closed && readStored(this.options.storage, this.options.userId)?.synced === false) void this.send();
    };
    this.options.connection.addEventListener('online', online);
    return () => {
      this.options.connection.removeEventListener('online', online);
      clearTimeout(this.timer);
    };
  }

  change(next: Draft) {
    this.closed = false;
    this.latest = next;
    this.update({ draft: next });
    writeStored(this.options.storage, this.options.userId, { ...next, changedAt: this.now(), synced: false });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), SAVE_AFTER_MS);
  }

  async send() {
    clearTimeout(this.timer);
    if (this.closed) return;
    const sending = this.latest;
    this.update({ status: 'saving' });
    const attempt = this.options.save(sending);
    this.inFlight = attempt;
    try {
      await attempt;
      if (this.closed) return;
      // Only mark the device copy as sent if nothing changed while the request was on its way.
      if (this.latest === sending) writeStored(this.options.storage, this.options.userId, { ...sending, changedAt: this.now(), synced: true });
      this.update({ status: 'saved', savedAt: this.now() });
    } catch {
      if (this.closed) return;
      this.update({ status: 'failed' });
      this.timer = setTimeout(() => void this.send(), RETRY_MS);
    } finally {
      if (this.inFlight === attempt) this.inFlight = null;
    }
  }

  /** The reflection is about to be written: stop saving the draft, and let a save on its way land first (writing clears the draft). */
  async finish() {
    this.closed = true;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
  }

  /** The reflection was written: forget the draft, here and on this device. */
  clear() {
    this.closed = true;
    clearTimeout(this.timer);
    this.latest = EMPTY;
    this.update({ draft: EMPTY, status: 'idle' });
    try {
      this.options.storage?.removeItem(storageKey(this.options.userId));
    } catch {
      // Nothing to remove.
    }
  }

  /** Writing failed: keep saving the draft as before. */
  reopen() {
    this.closed = false;
  }

  private update(changes: Partial<DraftState>) {
    this.state = { ...this.state, ...changes };
    this.options.onChange(this.state);
  }
}
