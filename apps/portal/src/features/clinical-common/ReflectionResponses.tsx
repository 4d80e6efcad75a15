import { formatDay } from './time';

interface Response {
  id: string;
  body: string;
  createdAt: string;
  author?: { displayName: string } | null;
}

/** A therapist's responses under a reflection: signed with who responded and when for the client; dated only under "Your responses". */
export function ReflectionResponses({ responses, signed = true }: { responses: readonly Response[]; signed?: boolean }) {
  return responses.map((response) => (
    <div key={response.id} className="cl-response">
      <p className="meta">{signed && response.author ? `${response.author.displayName} responded on ${formatDay(response.createdAt)}:` : formatDay(response.createdAt)}</p>
      <p className="cl-prose">{response.body}</p>
    </div>
  ));
}
