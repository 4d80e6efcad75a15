import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDrafts } from './draft-storage';
import { initialDraft, ReflectionDraftSync, RETRY_MS, SAVE_AFTER_MS, type Draft, type ServerDraft } from './reflection-draft';

/** The Storage interface over a Map: what localStorage does, for Node, which has none. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  const storage = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
  // Object.keys(localStorage) lists the stored keys; forgetDrafts relies on it.
  return new Proxy(storage, { ownKeys: () => [...items.keys()], getOwnPropertyDescriptor: (_, key) => (items.has(String(key)) ? { enumerable: true, configurable: true, value: items.get(String(key)) } : undefined) }) as Storage;
}

/** A save the test answers when it chooses, to put the server's reply before or after what the person does. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const KEY = 'attune.reflection-draft.client-1';
const stored = (storage: Storage) => JSON.parse(storage.getItem(KEY) ?? 'null') as (Draft & { synced: boolean; changedAt: number }) | null;

function setUp({ storage = memoryStorage() as Storage | null, serverDraft = null as ServerDraft } = {}) {
  const saves: { draft: Draft; reply: ReturnType<typeof deferred> }[] = [];
  const connection = new EventTarget();
  const sync = new ReflectionDraftSync({
    userId: 'client-1',
    storage,
    serverDraft,
    save: (draft) => {
      const reply = deferred();
      saves.push({ draft, reply });
      return reply.promise;
    },
    onChange: () => undefined,
    connection,
  });
  const stop = sync.start();
  return { sync, saves, storage, connection, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-02T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('choosing the draft a page opens with', () => {
  const server = { body: 'from the server', mood: 3, updatedAt: '2026-12-02T08:00:00Z' };
  const device = (changedAt: string, synced: boolean) => ({ body: 'from this device', mood: null, changedAt: Date.parse(changedAt), synced });

  it('is empty when neither copy exists', () => {
    expect(initialDraft(null, null)).toEqual({ body: '', mood: null });
  });

  it('takes the server copy when this device has none (another device wrote it)', () => {
    expect(initialDraft(null, server)).toEqual({ body: 'from the server', mood: 3 });
  });

  it('takes the device copy the server never received, even when the server has a newer one', () => {
    expect(initialDraft(device('2026-12-02T07:00:00Z', false), server).body).toBe('from this device');
  });

  it('takes the newer copy when both are saved', () => {
    expect(initialDraft(device('2026-12-02T07:00:00Z', true), server).body).toBe('from the server');
    expect(initialDraft(device('2026-12-02T08:30:00Z', true), server).body).toBe('from this device');
  });
});

describe('keeping a draft while someone writes', () => {
  it('keeps every change on the device at once and sends only the newest words once typing pauses', async () => {
    const { sync, saves, storage } = setUp();
    sync.change({ body: 'I', mood: null });
    sync.change({ body: 'I felt', mood: null });
    expect(stored(storage!)).toMatchObject({ body: 'I felt', synced: false });
    expect(saves).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(saves.map((save) => save.draft.body)).toEqual(['I felt']);
    expect(sync.state.status).toBe('saving');

    saves[0]!.reply.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.state.status).toBe('saved');
    expect(stored(storage!)).toMatchObject({ body: 'I felt', synced: true });
  });

  it('does not mark the device copy as sent when more was typed while the save was on its way', async () => {
    const { sync, saves, storage } = setUp();
    sync.change({ body: 'first words', mood: null });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    sync.change({ body: 'first words, and more', mood: null });
    saves[0]!.reply.resolve();
    await vi.advanceTimersByTimeAsync(0);

    expect(stored(storage!)).toMatchObject({ body: 'first words, and more', synced: false });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(saves.map((save) => save.draft.body)).toEqual(['first words', 'first words, and more']);
  });

  it('tries a failed save again with the newest words, and sends as soon as the connection is back', async () => {
    const { sync, saves, connection } = setUp();
    sync.change({ body: 'offline words', mood: 2 });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    saves[0]!.reply.reject(new Error('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.state.status).toBe('failed');

    connection.dispatchEvent(new Event('online'));
    expect(saves).toHaveLength(2);
    saves[1]!.reply.reject(new Error('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(saves.map((save) => save.draft)).toEqual([
      { body: 'offline words', mood: 2 },
      { body: 'offline words', mood: 2 },
      { body: 'offline words', mood: 2 },
    ]);
  });

  it('sends, on opening the page, a device copy the server never received', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ body: 'written on the train', mood: null, changedAt: Date.now() - 60_000, synced: false }));
    const { saves, sync } = setUp({ storage, serverDraft: { body: 'older', mood: null, updatedAt: '2026-12-01T09:00:00Z' } });
    expect(sync.state.draft.body).toBe('written on the train');
    expect(saves.map((save) => save.draft.body)).toEqual(['written on the train']);
  });

  it('still saves to the server when the device keeps nothing (storage switched off or full)', async () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    for (const storage of [null, full]) {
      const { sync, saves } = setUp({ storage });
      sync.change({ body: 'kept on the server only', mood: null });
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
      expect(saves.map((save) => save.draft.body)).toEqual(['kept on the server only']);
    }
  });
});

describe('saving the reflection while a draft save is under way', () => {
  it('lets the draft save land before the reflection is written, then forgets the draft', async () => {
    const { sync, saves, storage } = setUp();
    sync.change({ body: 'a hard week', mood: 1 });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);

    let finished = false;
    const finishing = sync.finish().then(() => (finished = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(finished).toBe(false);

    saves[0]!.reply.resolve();
    await finishing;
    sync.clear();
    expect(sync.state.draft).toEqual({ body: '', mood: null });
    expect(storage!.getItem(KEY)).toBeNull();
  });

  it('sends no draft after the reflection is saved: a pending save would bring the words back', async () => {
    const { sync, saves, storage, connection } = setUp();
    sync.change({ body: 'typed just before saving', mood: null });
    await sync.finish();
    sync.clear();
    connection.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(saves).toHaveLength(0);
    expect(storage!.getItem(KEY)).toBeNull();
  });

  it('does not retry a failed draft save once the reflection is being written', async () => {
    const { sync, saves } = setUp();
    sync.change({ body: 'words', mood: null });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    const finishing = sync.finish();
    saves[0]!.reply.reject(new Error('Failed to fetch'));
    await finishing;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(saves).toHaveLength(1);
    expect(sync.state.status).toBe('saving');
  });

  it('keeps saving the draft when writing the reflection failed', async () => {
    const { sync, saves } = setUp();
    sync.change({ body: 'words to keep', mood: null });
    await sync.finish();
    sync.reopen();
    sync.change({ body: 'words to keep, edited', mood: null });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(saves.map((save) => save.draft.body)).toEqual(['words to keep, edited']);
  });
});

describe('signing out', () => {
  it('forgets every reflection draft on the device and nothing else', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, '{"body":"private"}');
    storage.setItem('attune.reflection-draft.client-2', '{"body":"also private"}');
    storage.setItem('attune.theme', 'dark');
    forgetDrafts(storage);
    expect(Object.keys(storage)).toEqual(['attune.theme']);
  });
});
