import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from './form-kit';

/** A list's search words, kept in the address so a reload or a shared link keeps them. */
export function useSearchWords(): [string, (words: string) => void] {
  const [params, setParams] = useSearchParams();
  const setWords = (words: string) => {
    const next = new URLSearchParams(params);
    if (words) next.set('search', words);
    else next.delete('search');
    setParams(next, { replace: true });
  };
  return [params.get('search') ?? '', setWords];
}

interface SearchFormProps {
  label: string;
  /** The words the list is showing now. */
  words: string;
  onSearch: (words: string) => void;
}

/** One search box over a list: the words are sent when the person presses Search or Enter, trimmed. */
export function SearchForm({ label, words, onSearch }: SearchFormProps) {
  const [text, setText] = useState(words);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="cl-search" onSubmit={submit}>
      <Field label={label}>{(control) => <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} />}</Field>
      <button type="submit" className="button button--quiet">
        Search
      </button>
    </form>
  );
}

interface ShowMoreProps {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  /** Fetches the page after the cursor; the cache's field policy merges it into the list. */
  onMore: (after: string) => Promise<unknown>;
  children: string;
}

/**
 * The one "show more" for cursor lists. While the next page loads the button stays where it is and keeps focus
 * (aria-disabled rather than disabled, which would drop a keyboard user's place), and a second press does nothing.
 */
export function ShowMore({ pageInfo, onMore, children }: ShowMoreProps) {
  const [loading, setLoading] = useState(false);
  const after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  if (!after) return null;
  const more = () => {
    if (loading) return;
    setLoading(true);
    void onMore(after).finally(() => setLoading(false));
  };
  return (
    <button type="button" className="button button--quiet" aria-disabled={loading || undefined} onClick={more}>
      {loading ? 'Loading…' : children}
    </button>
  );
}
