// Starts GraphiQL against this origin's /graphql; the page's policy allows no inline script, so this is a file.
/* global GraphiQL, React, ReactDOM */
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, isHeadersEditorEnabled: true, shouldPersistHeaders: false }),
);
