import { useEffect, useId, useRef, type ReactNode } from 'react';

/** What ties a control to its label, hint and problem line; spread it onto the input, select or textarea. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  problem?: string | null;
  /** Ids of other words that describe the control (a draft's saved state, say), read after the hint. */
  alsoDescribedBy?: string;
  /** A checkbox: the box comes before its label. */
  check?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Joins the ids that describe a control, leaving out those not on screen. */
const joinIds = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * A labelled control with its hint and its problem line, tied to it by aria-describedby, so a screen
 * reader reads them with the field; the problem sits between the label and the control it is about.
 */
export function Field({ label, hint, problem, alsoDescribedBy, check = false, className, children }: FieldProps) {
  const id = useId();
  const control: ControlProps = {
    id,
    'aria-describedby': joinIds(hint ? `${id}-hint` : null, problem ? `${id}-problem` : null, alsoDescribedBy),
    ...(problem ? { 'aria-invalid': true as const } : {}),
  };
  const classes = ['field', check && 'field--check', problem && 'field--problem', className].filter(Boolean).join(' ');
  const hintLine = hint ? (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
  if (check) {
    return (
      <div className={classes}>
        <ProblemLine id={`${id}-problem`} problem={problem} />
        {children(control)}
        <label htmlFor={id}>{label}</label>
        {hintLine}
      </div>
    );
  }
  return (
    <div className={classes}>
      <label htmlFor={id}>{label}</label>
      {hintLine}
      <ProblemLine id={`${id}-problem`} problem={problem} />
      {children(control)}
    </div>
  );
}

/** The words of one problem, next to what it is about; `id` lets a control or fieldset point at it. */
export function ProblemLine({ id, problem }: { id: string; problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <p id={id} className="field__error">
      {problem}
    </p>
  );
}

/** A problem with the whole form. A new object each time it is said, so saying it again moves focus again. */
export type FormProblemState = { message: string } | null;

/**
 * A problem with the whole form (not one field). It takes focus when it appears, so keyboard and
 * screen reader users land on it.
 */
export function FormProblem({ problem, className, children }: { problem: FormProblemState; className?: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={className ? `notice notice--problem ${className}` : 'notice notice--problem'}>
      {problem.message}
      {children}
    </div>
  );
}
