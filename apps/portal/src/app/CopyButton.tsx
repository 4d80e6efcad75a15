import { useState } from 'react';

/** Copies text to the clipboard and says so in a polite live region; where copying is blocked, it says that too. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState('');
  return (
    <span className="copy">
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() =>
          // navigator.clipboard is missing outside secure contexts: the promise turns that into the message below.
          void Promise.resolve()
            .then(() => navigator.clipboard.writeText(text))
            .then(() => setStatus('Copied.'))
            .catch(() => setStatus("Your browser didn't allow copying. Please select the text and copy it yourself."))
        }
      >
        {label}
      </button>
      <span role="status" className="copy__status">
        {status}
      </span>
    </span>
  );
}
