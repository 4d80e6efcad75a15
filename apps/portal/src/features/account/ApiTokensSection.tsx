import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { API_SCOPE_AREAS, API_SCOPE_AREAS_BY_ROLE, API_TOKEN_DEFAULT_DAYS, createApiTokenSchema, isReadOnlyScopeArea, type Role } from '@attune/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CopyButton } from '../../app/CopyButton';
import { formatDate } from '../../app/format';
import { CreateApiTokenDocument, RevokeApiTokenDocument, type AccountPageQuery } from './account.generated';
import { useRecentSignIn } from './useRecentSignIn';
import { applyProblem, Field, FormProblem, type FormProblemState, ProblemLine, readProblem } from '../../app/form-kit';

type Token = AccountPageQuery['accountSettings']['apiTokens'][number];
type Area = (typeof API_SCOPE_AREAS)[number];

const AREA_NAMES: Record<Area, string> = {
  account: 'your account details',
  caseload: 'your caseload',
  sessions: 'sessions',
  reflections: 'reflections',
  checkins: 'check-ins',
  measures: 'questionnaires (PHQ-9, GAD-7)',
  notes: 'your private session notes',
  content: 'articles',
  fhir: 'client records as FHIR, for other health systems',
};

const EXPIRY = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year (the longest)' },
] as const;

const schema = z.object({
  name: createApiTokenSchema.shape.name,
  scopes: createApiTokenSchema.shape.scopes,
  expires: z.enum(EXPIRY.map((option) => option.value) as ['7', '30', '90', '365']),
});

const day = (iso: string) => formatDate(iso, { dateStyle: 'medium' });

function tokenState(token: Token) {
  if (token.revokedAt) return `Revoked ${day(token.revokedAt)}`;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return `Expired ${day(token.expiresAt)}`;
  // Tokens made before every token had an end date keep working until revoked or until a password change.
  return token.expiresAt ? `Works until ${day(token.expiresAt)}` : 'No end date';
}

export function ApiTokensSection({ role, tokens, onChanged }: { role: Role; tokens: readonly Token[]; onChanged: () => void }) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [revoke] = useMutation(RevokeApiTokenDocument);

  const onRevoke = async (token: Token) => {
    setProblem('');
    setStatus('');
    try {
      await revoke({ variables: { id: token.id } });
      setStatus(`"${token.name}" is revoked. Anything using it can no longer reach your account.`);
      onChanged();
    } catch (error) {
      setProblem(readProblem(error).message);
    }
  };

  return (
    <section className="card section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>
        A token lets another program, such as a script or a calendar tool, use Attune as you. It can do only what you choose
        below, and never more than you can yourself. Treat it like a password.
      </p>
      <p>
        Every token stops working on the date you choose, after a year at most. All your tokens stop working at once if you
        change or reset your password, or change your two-step sign-in.
      </p>

      {created ? (
        <NewToken {...created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          role={role}
          onCreated={(name, token) => {
            setStatus('');
            setCreated({ name, token });
            onChanged();
          }}
        />
      )}

      <h3>Your tokens</h3>
      {problem && (
        <p role="alert" className="notice notice--problem">
          {problem}
        </p>
      )}
      {tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <ul className="item-list" aria-label="Your tokens">
          {tokens.map((token) => {
            const active = !token.revokedAt && !(token.expiresAt && new Date(token.expiresAt) <= new Date());
            return (
              <li key={token.id} className={`item${active ? '' : ' item--inactive'}`}>
                <p className="item__title">{token.name}</p>
                <p className="meta">
                  {token.scopes.join(', ')}
                  <br />
                  Created {day(token.createdAt)} · {token.lastUsedAt ? `Last used ${day(token.lastUsedAt)}` : 'Never used'} · {tokenState(token)}
                </p>
                {active && (
                  <button type="button" className="button button--quiet button--small" onClick={() => void onRevoke(token)}>
                    Revoke<span className="visually-hidden"> “{token.name}”</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}

function CreateTokenForm({ role, onCreated }: { role: Role; onCreated: (name: string, token: string) => void }) {
  const [create] = useMutation(CreateApiTokenDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const { guarded, prompt } = useRecentSignIn();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: '', scopes: [] as string[], expires: String(API_TOKEN_DEFAULT_DAYS) as '90' } });
  const { errors, isSubmitting } = form.formState;
  // Registered before the scope boxes, so a problem with the name is the one that takes focus first.
  const nameField = form.register('name');
  const scopesError = useId();

  const onSubmit = form.handleSubmit(async ({ name, scopes, expires }) => {
    setProblem(null);
    try {
      await guarded(async (password) => {
        const { data } = await create({ variables: { input: { name, scopes, expiresInDays: Number(expires) }, password } });
        form.reset();
        onCreated(name, data!.createApiToken.token);
      }, 'Create token');
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['name', 'scopes', 'expires']));
    }
  });

  return (
    <>
      <form noValidate onSubmit={onSubmit} className="form form--inset">
        <h3>Create a token</h3>
        <FormProblem problem={problem} />
        <Field label="Token name" hint="Something that tells you later what it is for, like “Calendar sync”." problem={errors.name?.message}>
          {(control) => <input {...control} autoComplete="off" {...nameField} />}
        </Field>
        <fieldset className="fieldset" aria-describedby={errors.scopes ? scopesError : undefined}>
          <legend>What it may do</legend>
          <ProblemLine id={scopesError} problem={errors.scopes?.message} />
          <ul className="scope-grid">
            {/* Only the areas that mean something for you: a client has no caseload or notes to give a program. */}
            {API_SCOPE_AREAS_BY_ROLE[role].map((area) => (
              <li key={area}>
                <label className="check">
                  <input type="checkbox" value={`${area}:read`} {...form.register('scopes')} /> See {AREA_NAMES[area]}
                </label>
                {/* FHIR is read-only: there is nothing to change through it. */}
                {!isReadOnlyScopeArea(area) && (
                  <label className="check">
                    <input type="checkbox" value={`${area}:write`} {...form.register('scopes')} /> Change {AREA_NAMES[area]}
                  </label>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
        <Field label="Stops working after" problem={errors.expires?.message} className="field--medium">
          {(control) => (
            <select {...control} {...form.register('expires')}>
              {EXPIRY.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!prompt && (
          <button type="submit" className="button" disabled={isSubmitting}>
            Create token
          </button>
        )}
      </form>
      {prompt}
    </>
  );
}

function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="callout">
      <h3 ref={heading} tabIndex={-1}>
        Your new token, “{name}”
      </h3>
      <p>Copy it now and keep it somewhere safe. For your safety, we show it only this once.</p>
      <Field label="Token" className="field--full">
        {(control) => <input {...control} readOnly value={token} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />}
      </Field>
      <p className="button-row">
        <CopyButton text={token} label="Copy the token" />
        <button type="button" className="button button--small" onClick={onDone}>
          I've saved it
        </button>
      </p>
    </div>
  );
}
