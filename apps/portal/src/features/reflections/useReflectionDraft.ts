import { useMutation } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { SaveReflectionDraftDocument } from './reflections.generated';
import { deviceStorage } from './draft-storage';
import { ReflectionDraftSync, type ServerDraft } from './reflection-draft';

export type { Draft, DraftStatus } from './reflection-draft';

/** The reflection being written, kept on this device at every change and on the server when typing pauses (reflection-draft.ts). */
export function useReflectionDraft(userId: string, serverDraft: ServerDraft) {
  const [saveDraft] = useMutation(SaveReflectionDraftDocument);
  const [state, setState] = useState<ReflectionDraftSync['state'] | null>(null);
  const sync = useMemo(
    () =>
      new ReflectionDraftSync({
        userId,
        storage: deviceStorage(),
        // Read once, when the page opens: later answers of the query must not overwrite what is being typed.
        serverDraft,
        // Not retried by the link: the sync resends the newest words itself, and a late old copy could bring back a cleared draft.
        save: (draft) => saveDraft({ variables: { body: draft.body, mood: draft.mood }, context: { retry: false } }),
        onChange: setState,
        connection: window,
      }),
    [userId, saveDraft],
  );
  useEffect(() => sync.start(), [sync]);

  const { draft, status, savedAt } = state ?? sync.state;
  return {
    draft,
    change: sync.change.bind(sync),
    status,
    savedAt,
    finish: sync.finish.bind(sync),
    clear: sync.clear.bind(sync),
    reopen: sync.reopen.bind(sync),
  };
}
