import { useQuery } from '@apollo/client/react';
import { usePageTitle } from '../../app/usePageTitle';
import { CrisisHelpDocument } from './content.generated';

/** The practice's own crisis text (the CRISIS_TEXT setting), the same as on the public site. */
export function CrisisHelpPage() {
  usePageTitle('Need help now?');
  const { data, error } = useQuery(CrisisHelpDocument);
  return (
    <section className="page narrow" aria-labelledby="help-heading">
      <h1 id="help-heading">Need help now?</h1>
      {data ? (
        // Sanitized by the API from the practice's setting.
        <div className="prose crisis" dangerouslySetInnerHTML={{ __html: data.siteInfo.crisisHtml }} />
      ) : (
        // Shown at once, and if the setting cannot be loaded: true anywhere.
        <p className="lead">
          If you are in danger or thinking about ending your life, call your local emergency number now.
          {error && ' In the US, you can call or text 988, any time.'}
        </p>
      )}
    </section>
  );
}
