import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ArticlePage } from '../features/articles/ArticlePage';
import { ArticlesPage } from '../features/articles/ArticlesPage';
import { AdminCarePage } from '../features/admin-care/AdminCarePage';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { CheckInPage } from '../features/checkins/CheckInPage';
import { ClientHomePage } from '../features/client-home/ClientHomePage';
import { ClientPage } from '../features/client-record/ClientPage';
import { ReflectionsPage } from '../features/reflections/ReflectionsPage';
import { HelpPage } from '../features/help/HelpPage';
import { HomePage } from '../features/home/HomePage';
import { createApolloClient } from './apollo';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

export function App() {
  const client = useMemo(createApolloClient, []);
  return (
    <ApolloProvider client={client}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="articles" element={<ArticlesPage />} />
            <Route path="articles/:slug" element={<ArticlePage />} />
            <Route path="help" element={<HelpPage />} />
            {/* Clinical pages (issue 4); each checks its own role until the shared route guards arrive. */}
            <Route path="home" element={<ClientHomePage />} />
            <Route path="reflections" element={<ReflectionsPage />} />
            <Route path="check-in/:sessionId" element={<CheckInPage />} />
            <Route path="caseload" element={<CaseloadPage />} />
            <Route path="clients/:id" element={<ClientPage />} />
            <Route path="admin/care" element={<AdminCarePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApolloProvider>
  );
}
