import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { WaitingSafetyFlagsDocument } from './caseload.generated';
import type { WaitingFlag } from './SafetyFlagList';

const SafetyFlagList = lazy(async () => ({ default: (await import('./SafetyFlagList')).SafetyFlagList }));

/**
 * Answers that signalled risk, above the caseload until the therapist says what they did. Calm and clear:
 * who, when, which measure; the answers themselves stay on the client's record.
 */
export function WaitingSafetyFlags() {
  const { data, refetch } = useQuery(WaitingSafetyFlagsDocument, { fetchPolicy: 'cache-and-network' });
  const [status, setStatus] = useState<{ message: string } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const flags = data?.safetyFlags.edges.map((edge) => edge.node) ?? [];

  // The form that had focus has gone with its flag: the confirmation takes focus, once it is on screen.
  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  async function acknowledged(flag: WaitingFlag) {
    await refetch();
    setStatus({ message: `Acknowledged. Your note about ${flag.client.displayName} is kept with the flag.` });
  }

  return (
    <>
      <p role="status" ref={statusRef} tabIndex={-1} className="cl-status cl-status--block">
        {status?.message}
      </p>
      {flags.length > 0 && (
        <section aria-labelledby="safety-heading" className="cl-attention cl-safety">
          <h2 id="safety-heading">Something needs your attention</h2>
          <p>
            {flags.length === 1 ? 'An answer' : 'Some answers'} on a measure {flags.length === 1 ? 'needs' : 'need'} you soon. When you have done what you
            need to, write a line about it and acknowledge it here.
          </p>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <SafetyFlagList flags={flags} onAcknowledged={acknowledged} />
          </Suspense>
        </section>
      )}
    </>
  );
}
