import { formatDay } from './time';

interface Response {
  id: string;
  body: string;
  createdAt: string;
  author?: { id: string; displayName: string } | null;
}

/**
 * A therapist's responses under a reflection, each signed with who responded and when. Under the therapist's
 * own view (`viewerId`) theirs read "You responded", and a colleague's (before a hand-over) keep their name.
 */
export function ReflectionResponses({ responses, viewerId }: { responses: readonly Response[]; viewerId?: string }) {
  return responses.map((response) => {
    const who = response.author ? (response.author.id === viewerId ? 'You' : response.author.displayName) : null;
    return (
      <div key={response.id} className="cl-response">
        <p className="meta">{who ? `${who} responded on ${formatDay(response.createdAt)}:` : formatDay(response.createdAt)}</p>
        <p className="cl-prose">{response.body}</p>
      </div>
    );
  });
}
