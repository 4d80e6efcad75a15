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
