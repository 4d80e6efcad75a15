import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { $ZodType, input, output } from 'zod/v4/core';
import { checkValues } from './check-values';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The kit's light form state, for the pages a person opens first (sign-in), where react-hook-form's
 * weight would push the first load over its budget. It behaves as the kit's react-hook-form forms do:
 * the domain schema checks on submit, the first field with a problem takes focus, problems update as
 * the person types after that, and `applyProblem` puts the API's field problems beside their fields.
 * Text inputs only (their values are read from the page, as react-hook-form's uncontrolled ones are).
 */
export function useCheckedForm<S extends $ZodType<Record<string, unknown>, Record<string, string>>>(schema: S) {
  type Name = keyof input<S> & string;
  const controls = useRef(new Map<Name, Control>());
  const submitted = useRef(false);
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const values = () => Object.fromEntries([...controls.current].map(([name, control]) => [name, control.value]));
  /** The control with a problem that comes first on the page. */
  const firstOnPage = (names: Name[]) =>
    names
      .map((name) => controls.current.get(name))
      .filter((control): control is Control => Boolean(control))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];

  const setError = useCallback((name: Name, error: { message?: string }, options?: { shouldFocus?: boolean }) => {
    setErrors((current) => ({ ...current, [name]: error.message }));
    if (options?.shouldFocus) controls.current.get(name)?.focus();
  }, []);

  /** Spread onto the input after the Field's control props: it names the input and watches it. */
  const register = (name: Name) => ({
    name,
    ref: (control: Control | null) => {
      if (control) controls.current.set(name, control);
      else controls.current.delete(name);
    },
    onChange: (_event: ChangeEvent<Control>) => {
      if (!submitted.current) return;
      const checked = checkValues(schema, values());
      const problem = checked.ok ? undefined : (checked.problems as Partial<Record<Name, string>>)[name];
      setErrors((current) => (current[name] === problem ? current : { ...current, [name]: problem }));
    },
  });

  const handleSubmit = (onValid: (data: output<S>) => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submitted.current = true;
    const checked = checkValues(schema, values());
    if (!checked.ok) {
      const problems = checked.problems as Partial<Record<Name, string>>;
      setErrors(problems);
      firstOnPage(Object.keys(problems) as Name[])?.focus();
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await onValid(checked.data);
    } finally {
      setSubmitting(false);
    }
  };

  const setValue = (name: Name, value: string) => {
    const control = controls.current.get(name);
    if (control) control.value = value;
  };

  return { register, handleSubmit, setError, setValue, errors, isSubmitting };
}
