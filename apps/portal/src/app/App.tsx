import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ArticlePage } from '../features/articles/ArticlePage';
import { ArticlesPage } from '../features/articles/ArticlesPage';
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
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApolloProvider>
  );
}
