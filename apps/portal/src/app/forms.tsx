import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import type { Problem } from './problems';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'aria-invalid' | 'aria-describedby'>;

interface TextFieldProps extends InputProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
}

/**
 * A labelled input whose hint and error are tied to it (aria-describedby), so a screen reader reads
 * them with the field; the error sits next to the field it is about.
 */
export function TextField({ label, hint, error, registration, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--problem' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <input id={id} {...input} {...registration} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}

interface CheckboxProps {
  label: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
}

export function Checkbox({ label, error, registration }: CheckboxProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field field--check${error ? ' field--problem' : ''}`}>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <input id={id} type="checkbox" {...registration} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * A problem with the whole form (not one field). It takes focus when it appears, so keyboard and
 * screen reader users land on it; `version` lets the same message take focus again on a retry.
 */
export function FormProblem({ problem }: { problem: { message: string; version: number } | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="notice notice--problem">
      {problem.message}
    </div>
  );
}

/**
 * Shows an API error on a form: messages about fields go next to those fields (the first one is
 * focused); anything else is returned as the form's own problem. What people typed is kept.
 */
export function applyProblem<T extends FieldValues>(form: UseFormReturn<T>, problem: Problem, order: readonly Path<T>[]) {
  const known = order.filter((name) => problem.fields[name]);
  known.forEach((name, index) => form.setError(name, { type: 'server', message: problem.fields[name] }, { shouldFocus: index === 0 }));
  if (known.length > 0) return null;
  // A field message for a field this form does not have (or none at all): say it at the top.
  const other = Object.values(problem.fields)[0];
  return { message: problem.code === 'BAD_USER_INPUT' && other ? other : problem.message, version: Date.now() };
}

export type FormProblemState = { message: string; version: number } | null;
