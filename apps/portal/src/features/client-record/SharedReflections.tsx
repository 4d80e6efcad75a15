import { useApolloClient, useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { reflectionResponseSchema } from '@attune/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, requiredText, type FormProblemState, SubmitRow } from '../../app/form-kit';
import { OpenSharedReflectionDocument, RespondToReflectionDocument, type ClientPageQuery } from './client-record.generated';
import { formatDay, formatWhen } from '../clinical-common/time';
import { MOOD_WORDS } from '../clinical-common/words';
import { ReflectionResponses } from '../clinical-common/ReflectionResponses';
import { useSignedInViewer } from '../identity/useViewer';

const responseSchema = z.object({ body: requiredText(reflectionResponseSchema, 'Please write your response first.') });

type SharedReflection = ClientPageQuery['reflections']['edges'][number]['node'];

/**
 * Reflections the client chose to share, with responses. Showing them here is opening them: each unread one
 * is marked read as the page shows it, while this visit still labels it "New".
 */
export function SharedReflections({ reflections, clientName, newIds }: { reflections: SharedReflection[]; clientName: string; newIds: Set<string> }) {
  const client = useApolloClient();
  const opened = useRef(new Set<string>());
  useEffect(() => {
    for (const reflection of reflections) {
      if (reflection.readByTherapistAt || opened.current.has(reflection.id)) continue;
      opened.current.add(reflection.id);
      void client.query({ query: OpenSharedReflectionDocument, variables: { id: reflection.id }, fetchPolicy: 'network-only' }).catch(() => opened.current.delete(reflection.id));
    }
  }, [client, reflections]);

  if (reflections.length === 0) return <p>{clientName} has not shared any reflections with you. Reflections are private unless they choose to share them.</p>;
  return (
    <ul className="cl-list">
      {reflections.map((reflection) => (
        <ReflectionItem key={reflection.id} reflection={reflection} clientName={clientName} isNew={newIds.has(reflection.id)} />
      ))}
    </ul>
  );
}

function ReflectionItem({ reflection, clientName, isNew }: { reflection: SharedReflection; clientName: string; isNew: boolean }) {
  const id = useId();
  const headingId = `${id}-heading`;
  const viewer = useSignedInViewer();
  const form = useForm({ resolver: zodResolver(responseSchema), defaultValues: { body: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState('');
  const [respond, { loading }] = useMutation(RespondToReflectionDocument);

  const submit = form.handleSubmit(async ({ body }) => {
    setStatus('');
    setProblem(null);
    try {
      await respond({ variables: { id: reflection.id, body } });
      form.reset();
      setStatus(`Response sent. ${clientName} will see it under their reflection.`);
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['body']));
    }
  });

  return (
    <li className="card cl-reflection">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="cl-card-heading">
          Written {formatWhen(reflection.createdAt)}
          {isNew && <span className="cl-badge">New</span>}
        </h3>
        <p className="meta">
          {reflection.sharedAt && <>Shared {formatDay(reflection.sharedAt)}</>}
          {reflection.mood !== null && reflection.mood !== undefined && <> · Feeling: {MOOD_WORDS[reflection.mood]?.toLowerCase()}</>}
        </p>
        <p className="cl-prose">{reflection.body}</p>
        {reflection.responses.length > 0 && (
          <div className="cl-responses">
            <h4 className="cl-responses__heading">Responses</h4>
            <ReflectionResponses responses={reflection.responses} viewerId={viewer.id} />
          </div>
        )}
        <form className="cl-form" onSubmit={(event) => void submit(event)} noValidate>
          <Field label="Respond to this reflection" hint={`${clientName} will see your response under their reflection.`} problem={form.formState.errors.body?.message} className="field--full">
            {(control) => <textarea {...control} rows={3} maxLength={5000} {...form.register('body')} />}
          </Field>
          <FormProblem problem={problem} />
          <SubmitRow label="Send response" busyLabel="Sending…" busy={loading} status={status} small />
        </form>
      </article>
    </li>
  );
}
