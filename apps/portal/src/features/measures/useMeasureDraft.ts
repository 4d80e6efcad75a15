import { useMutation } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import type { MeasureKind } from '../../gql/types';
import { SaveMeasureDraftDocument } from './measures.generated';
import { MeasureDraftSaver, type MeasureDraftState } from './measure-draft';

/** A measure's answers kept on the server as the client goes (measure-draft.ts); a change not sent yet goes when the page closes. */
export function useMeasureDraft(kind: MeasureKind) {
  const [saveDraft] = useMutation(SaveMeasureDraftDocument);
  const [state, setState] = useState<MeasureDraftState>({ status: 'idle', savedAt: null });
  const saver = useMemo(
    () =>
      new MeasureDraftSaver({
        // Not retried by the link: the saver sends the newest answers itself, and a late old copy must not overwrite them.
        save: (answers) => saveDraft({ variables: { input: { kind, answers } }, context: { retry: false } }),
        onChange: setState,
      }),
    [kind, saveDraft],
  );
  useEffect(() => () => saver.flush(), [saver]);
  return { saver, state };
}
