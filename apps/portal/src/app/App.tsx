import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { GoodbyePage } from '../features/my-data/GoodbyePage';
import { MyDataPage } from '../features/my-data/MyDataPage';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { DevOutboxPage } from '../features/admin/DevOutboxPage';
import { InvitePersonPage } from '../features/admin/InvitePersonPage';
import { ArticlePage } from '../features/articles/ArticlePage';
import { ArticlesPage } from '../features/articles/ArticlesPage';
import { AdminArticlesPage } from '../features/content/AdminArticlesPage';
import { ArticleEditorPage } from '../features/content/ArticleEditorPage';
import { CrisisHelpPage } from '../features/content/CrisisHelpPage';
import { FirstConversationRequestsPage } from '../features/content/FirstConversationRequestsPage';
import { MyPublicProfilePage } from '../features/content/MyPublicProfilePage';
import { SendArticlePage } from '../features/content/SendArticlePage';
import { SharedArticlesPage } from '../features/content/SharedArticlesPage';
import { AdminCarePage } from '../features/admin-care/AdminCarePage';
import { PeoplePage } from '../features/admin-people/PeoplePage';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { CheckInPage } from '../features/checkins/CheckInPage';
import { ClientHomePage } from '../features/client-home/ClientHomePage';
import { ClientPage } from '../features/client-record/ClientPage';
import { ReflectionsPage } from '../features/reflections/ReflectionsPage';
import { HomePage } from '../features/home/HomePage';
import { AcceptInvitationPage } from '../features/identity/AcceptInvitationPage';
import { ForgotPasswordPage } from '../features/identity/ForgotPasswordPage';
import { InviteClientPage } from '../features/identity/InviteClientPage';
import { ResetPasswordPage } from '../features/identity/ResetPasswordPage';
import { AnonymousOnly, RequireViewer } from '../features/identity/RouteGuards';
import { SignInPage } from '../features/identity/SignInPage';
import { ViewerProvider } from '../features/identity/ViewerProvider';
import { createApolloClient } from './apollo';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

export function App() {
  const client = useMemo(createApolloClient, []);
  return (
    <ApolloProvider client={client}>
      <ViewerProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="articles" element={<ArticlesPage />} />
              <Route path="articles/:slug" element={<ArticlePage />} />
              <Route path="help" element={<CrisisHelpPage />} />

              <Route element={<AnonymousOnly />}>
                <Route path="sign-in" element={<SignInPage />} />
                <Route path="forgot-password" element={<ForgotPasswordPage />} />
              </Route>
              {/* Single-use links work whoever is signed in on this browser; the pages offer to sign out first. */}
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route path="accept-invitation" element={<AcceptInvitationPage />} />
              <Route path="goodbye" element={<GoodbyePage />} />

              <Route element={<RequireViewer />}>
                <Route path="account" element={<AccountPage />} />
              </Route>
              <Route element={<RequireViewer roles={['CLIENT']} />}>
                <Route path="home" element={<ClientHomePage />} />
                <Route path="reflections" element={<ReflectionsPage />} />
                <Route path="check-in/:sessionId" element={<CheckInPage />} />
                <Route path="shared-articles" element={<SharedArticlesPage />} />
                <Route path="account/my-data" element={<MyDataPage />} />
              </Route>
              <Route element={<RequireViewer roles={['THERAPIST']} />}>
                <Route path="caseload" element={<CaseloadPage />} />
                <Route path="clients/:id" element={<ClientPage />} />
                <Route path="invite-client" element={<InviteClientPage />} />
                <Route path="send-article" element={<SendArticlePage />} />
                <Route path="my-public-profile" element={<MyPublicProfilePage />} />
              </Route>
              <Route element={<RequireViewer roles={['THERAPIST', 'ADMIN']} />}>
                <Route path="admin/articles" element={<AdminArticlesPage />} />
                <Route path="admin/articles/:id" element={<ArticleEditorPage />} />
              </Route>
              <Route element={<RequireViewer roles={['ADMIN']} />}>
                <Route path="admin/invite" element={<InvitePersonPage />} />
                <Route path="admin/audit" element={<AuditLogPage />} />
                <Route path="admin/outbox" element={<DevOutboxPage />} />
                <Route path="admin/first-conversations" element={<FirstConversationRequestsPage />} />
                <Route path="admin/care" element={<AdminCarePage />} />
                <Route path="admin/people" element={<PeoplePage />} />
              </Route>

              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </ViewerProvider>
    </ApolloProvider>
  );
}
