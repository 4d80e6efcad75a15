import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ArticlePage } from '../features/articles/ArticlePage';
import { ArticlesPage } from '../features/articles/ArticlesPage';
import { AdminArticlesPage } from '../features/content/AdminArticlesPage';
import { ArticleEditorPage } from '../features/content/ArticleEditorPage';
import { CrisisHelpPage } from '../features/content/CrisisHelpPage';
import { FirstConversationRequestsPage } from '../features/content/FirstConversationRequestsPage';
import { MyPublicProfilePage } from '../features/content/MyPublicProfilePage';
import { SendArticlePage } from '../features/content/SendArticlePage';
import { SharedArticlesPage } from '../features/content/SharedArticlesPage';
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
            <Route path="help" element={<CrisisHelpPage />} />
            <Route path="admin/articles" element={<AdminArticlesPage />} />
            <Route path="admin/articles/:id" element={<ArticleEditorPage />} />
            <Route path="admin/first-conversations" element={<FirstConversationRequestsPage />} />
            <Route path="shared-articles" element={<SharedArticlesPage />} />
            <Route path="send-article" element={<SendArticlePage />} />
            <Route path="my-public-profile" element={<MyPublicProfilePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApolloProvider>
  );
}
