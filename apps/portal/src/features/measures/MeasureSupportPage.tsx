import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { MeasureSupportPageDocument } from './measures.generated';
import '../clinical-common/clinical.css';
import { useSignedInViewer } from '../identity/useViewer';
import { toldTherapist } from './measure-support';
import './measures.css';

/** What the measure page passes on after an answer that signals risk: shown at once, before the page's own query answers. */
export interface SupportState {
  crisisHtml: string | null;
  responseId: string;
}

const readState = (state: unknown): SupportState | null =>
  state && typeof state === 'object' && 'responseId' in state && typeof (state as SupportState).responseId === 'string' ? (state as SupportState) : null;

/**
 * /measures/support: where a client lands after an answer that signals risk. The practice's crisis
 * resources come with the submission and are read again here, so a reload (or a new tab) still shows them;
 * until either arrives, words that are true anywhere. Never an empty page.
 */
export function MeasureSupportPage() {
  usePageTitle('Thank you for telling us');
  const me = useSignedInViewer();
  const passed = readState(useLocation().state);
  const { data } = useQuery(MeasureSupportPageDocument, { variables: { clientId: me.id }, fetchPolicy: 'cache-and-network' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const crisisHtml = passed?.crisisHtml ?? data?.siteInfo.crisisHtml ?? null;
  const therapistName = data?.client.therapist?.displayName ?? null;
  const latest = data?.measureResponses.edges[0]?.node ?? null;
  const told = passed !== null || toldTherapist(latest, Date.now());

  return (
    <section className="page narrow cl-page" aria-labelledby="support-heading">
      <h1 id="support-heading" ref={heading} tabIndex={-1} className="cl-focus-target">
        Thank you for telling us
      </h1>
      {/* Short before the crisis resources, so a phone shows them on its first screen. */}
      <p className="lead">You don't have to carry this alone. If you need someone now, please don't wait: Attune is not watched around the clock.</p>
      <div className="card ms-crisis">
        {crisisHtml ? (
          // Sanitized by the API from the practice's CRISIS_TEXT setting.
          <div className="prose crisis" dangerouslySetInnerHTML={{ __html: crisisHtml }} />
        ) : (
          // Shown until the practice's own words arrive, and if they cannot be loaded: true anywhere.
          <p>Call your local emergency number now. In the US, you can call or text 988, any time.</p>
        )}
      </div>
      {told && (
        <p>
          We've let {therapistName ? `${therapistName}, your therapist,` : 'your therapist'} know what you answered, so you can talk about it together.
        </p>
      )}
      <p>Your answers are saved. There is nothing else you need to do here.</p>
      <p>
        <Link to="/home">Back to your home</Link>
      </p>
    </section>
  );
}
