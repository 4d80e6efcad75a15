import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { MyDataExportDocument } from './my-data.generated';
import { saveExportFile } from './my-data-file';

/** On the account page (clients): take a copy of everything, as a file or as a page to read and print. */
export function MyDataSection() {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  const download = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const { data } = await client.query({ query: MyDataExportDocument, fetchPolicy: 'no-cache' });
      saveExportFile(data?.exportMyData);
      setStatus({ text: 'Your data has been saved as a file in your downloads.', problem: false });
    } catch {
      setStatus({ text: "We couldn't prepare your data just now. Nothing has changed. Please try again in a moment.", problem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card section" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">Your data</h2>
      <p>
        You can take a copy of everything you have in Attune: your details, your sessions and what you wrote for them, your
        reflections (private and shared) with your therapist's responses, your check-ins, practice prompts and articles sent to you.
      </p>
      <p>Your therapist's private session notes are not included. They are held by the practice, and you can ask them for a copy.</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => void download()} disabled={busy}>
          {busy ? 'Preparing your data…' : 'Download my data'}
        </button>
        <Link to="/account/my-data" className="button button--quiet">
          See it as a page you can print
        </Link>
      </p>
      <p role="status" className={status?.problem ? 'form__status notice notice--problem' : 'form__status'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
