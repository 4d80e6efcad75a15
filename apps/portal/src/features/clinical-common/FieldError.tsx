import type { ReactNode } from 'react';

/** An error next to the field it is about, announced as it appears; `id` ties it to the field via aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="cl-field__error">
      {message}
    </p>
  );
}

/** Joins the ids that describe a field, leaving out the ones not on screen. */
export const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A labelled textarea with its hint and its error, wired for screen readers: `${baseId}-${name}`, `-hint`, `-error`. */
export function TextAreaField(props: {
  baseId: string;
  name: string;
  label: string;
  hint: ReactNode;
  rows: number;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  error: string | null | undefined;
}) {
  const { baseId, name, error } = props;
  return (
    <div className="cl-field">
      <label htmlFor={`${baseId}-${name}`}>{props.label}</label>
      <p id={`${baseId}-hint`} className="cl-field__hint">
        {props.hint}
      </p>
      <textarea
        id={`${baseId}-${name}`}
        rows={props.rows}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${baseId}-hint`, error && `${baseId}-error`)}
      />
      <FieldError id={`${baseId}-error`} message={error} />
    </div>
  );
}

/** What went wrong with the whole form, in the API's words. */
export function FormProblem({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="notice notice--problem">
      {message}
    </p>
  );
}
