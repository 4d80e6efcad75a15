import { useQuery } from '@apollo/client/react';
import { usePageTitle } from '../../app/usePageTitle';
import { AccountPageDocument } from './account.generated';
import { useViewer } from '../identity/useViewer';
import { CloseAccountSection } from '../my-data/CloseAccountSection';
import { MyDataSection } from '../my-data/MyDataSection';
import { ApiTokensSection } from './ApiTokensSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { PreferencesSection } from './PreferencesSection';
import { SessionsSection } from './SessionsSection';
import { TwoStepSection } from './TwoStepSection';
import { LoadProblem } from '../../app/form-kit';

export function AccountPage() {
  usePageTitle('Your account');
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(AccountPageDocument, { fetchPolicy: 'cache-and-network' });
  const settings = data?.accountSettings;
  const reload = () => void refetch();

  return (
    <section className="page narrow">
      <h1>Your account</h1>
      {viewer && (
        <p className="lead">
          Signed in as {viewer.displayName} ({viewer.email}).
        </p>
      )}
      {loading && !data && <p role="status">Loading your settings…</p>}
      {error && !data && (
        <LoadProblem error={error} what="your settings" />
      )}
      {viewer && settings && (
        <>
          <PreferencesSection role={viewer.role} />
          <ChangePasswordSection email={viewer.email} onChanged={reload} />
          <TwoStepSection role={viewer.role} enabled={settings.mfaEnabled} required={settings.mfaRequired} onChanged={reload} />
          <SessionsSection sessions={settings.sessions} onChanged={reload} />
          <ApiTokensSection role={viewer.role} tokens={settings.apiTokens} onChanged={reload} />
          {viewer.role === 'CLIENT' && (
            <>
              <MyDataSection />
              <CloseAccountSection />
            </>
          )}
        </>
      )}
    </section>
  );
}
