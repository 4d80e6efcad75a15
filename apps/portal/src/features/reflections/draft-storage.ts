/*
 * Where reflection drafts are kept on this device. A module of its own because signing out (in the frame
 * every page loads) forgets the drafts, and should not bring the writing code and its operations along.
 */

const STORAGE_PREFIX = 'attune.reflection-draft.';
export const storageKey = (userId: string) => `${STORAGE_PREFIX}${userId}`;

/** The browser's storage, or null where it is switched off (reading it can throw then). */
export function deviceStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Removes every reflection draft kept on this device. For signing out: a draft is private writing, and the
 * next person at a shared computer should not find it in the browser's storage.
 */
export function forgetDrafts(storage: Storage | null) {
  try {
    if (!storage) return;
    for (const key of Object.keys(storage)) if (key.startsWith(STORAGE_PREFIX)) storage.removeItem(key);
  } catch {
    // Storage switched off: nothing was kept.
  }
}

/** Removes every reflection draft kept on this device's browser, for signing out. */
export function forgetReflectionDrafts() {
  forgetDrafts(deviceStorage());
}
