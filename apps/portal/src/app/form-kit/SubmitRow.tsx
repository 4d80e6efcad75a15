import type { ReactNode } from 'react';

interface SubmitRowProps {
  /** What the button says, and what it says while the form is being sent. */
  label: string;
  busyLabel: string;
  busy: boolean;
  /** The last outcome in words, read out by screen readers when it changes. */
  status?: ReactNode;
  small?: boolean;
  className?: string;
}

/** A form's send button with its status line beside it: the same in every form. */
export function SubmitRow({ label, busyLabel, busy, status, small = false, className }: SubmitRowProps) {
  return (
    <div className={className ? `cl-actions ${className}` : 'cl-actions'}>
      <button type="submit" className={small ? 'button button--small' : 'button'} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <p role="status" className="cl-status">
        {status}
      </p>
    </div>
  );
}
