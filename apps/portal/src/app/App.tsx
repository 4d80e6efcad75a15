import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AnonymousOnly, RequireViewer } from '../features/identity/RouteGuards';
import { ViewerProvider } from '../features/identity/ViewerProvider';
import { createApolloClient } from './apollo';
import { Layout } from './Layout';
import { lazyPage } from './lazyPage';
import { NotFoundPage } from './NotFoundPage';

// Each page is its own chunk: a first visit loads the frame and the page it opened, not the whole portal.
const AccountPage = lazyPage(() => import('../features/account/AccountPage'), 'AccountPage');
const AuditLogPage = lazyPage(() => import('../features/admin/AuditLogPage'), 'AuditLogPage');
const DevOutboxPage = lazyPage(() => import('../features/admin/DevOutboxPage'), 'DevOutboxPage');
const InvitePersonPage = lazyPage(() => import('../features/admin/InvitePersonPage'), 'InvitePersonPage');
const ArticlePage = lazyPage(() => import('../features/articles/ArticlePage'), 'ArticlePage');
const ArticlesPage = lazyPage(() => import('../features/articles/ArticlesPage'), 'ArticlesPage');
const AdminArticlesPage = lazyPage(() => import('../features/content/AdminArticlesPage'), 'AdminArticlesPage');
const ArticleEditorPage = lazyPage(() => import('../features/content/ArticleEditorPage'), 'ArticleEditorPage');
const CrisisHelpPage = lazyPage(() => import('../features/content/CrisisHelpPage'), 'CrisisHelpPage');
const FirstConversationRequestsPage = lazyPage(() => import('../features/content/FirstConversationRequestsPage'), 'FirstConversationRequestsPage');
const MyPublicProfilePage = lazyPage(() => import('../features/content/MyPublicProfilePage'), 'MyPublicProfilePage');
const SendArticlePage = lazyPage(() => import('../features/content/SendArticlePage'), 'SendArticlePage');
const SharedArticlesPage = lazyPage(() => import('../features/content/SharedArticlesPage'), 'SharedArticlesPage');
const AdminCarePage = lazyPage(() => import('../features/admin-care/AdminCarePage'), 'AdminCarePage');
const PeoplePage = lazyPage(() => import('../features/admin-people/PeoplePage'), 'PeoplePage');
const CaseloadPage = lazyPage(() => import('../features/caseload/CaseloadPage'), 'CaseloadPage');
const CheckInPage = lazyPage(() => import('../features/checkins/CheckInPage'), 'CheckInPage');
const ClientHomePage = lazyPage(() => import('../features/client-home/ClientHomePage'), 'ClientHomePage');
const ClientPage = lazyPage(() => import('../features/client-record/ClientPage'), 'ClientPage');
const ReflectionsPage = lazyPage(() => import('../features/reflections/ReflectionsPage'), 'ReflectionsPage');
const MeasurePage = lazyPage(() => import('../features/measures/MeasurePage'), 'MeasurePage');
const MeasureSupportPage = lazyPage(() => import('../features/measures/MeasureSupportPage'), 'MeasureSupportPage');
const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage');
const AcceptInvitationPage = lazyPage(() => import('../features/identity/AcceptInvitationPage'), 'AcceptInvitationPage');
const ForgotPasswordPage = lazyPage(() => import('../features/identity/ForgotPasswordPage'), 'ForgotPasswordPage');
const InviteClientPage = lazyPage(() => import('../features/identity/InviteClientPage'), 'InviteClientPage');
const ResetPasswordPage = lazyPage(() => import('../features/identity/ResetPasswordPage'), 'ResetPasswordPage');
const SignInPage = lazyPage(() => import('../features/identity/SignInPage'), 'SignInPage');
const GoodbyePage = lazyPage(() => import('../features/my-data/GoodbyePage'), 'GoodbyePage');
const MyDataPage = lazyPage(() => import('../features/my-data/MyDataPage'), 'MyDataPage');

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
                <Route path="measures/support" element={<MeasureSupportPage />} />
                <Route path="measures/:slug" element={<MeasurePage />} />
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
