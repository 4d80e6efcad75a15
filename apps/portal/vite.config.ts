import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const api = process.env.ATTUNE_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // rxjs (under Apollo Client) offers an ES2015 build: smaller than its default ES5 one, which adds tslib's helpers.
  resolve: { conditions: ['es2015', ...defaultClientConditions] },
  server: {
    port: 5173,
    // In development the API serves GraphQL and the server-rendered documents; Vite serves the portal.
    proxy: { '/graphql': api, '/healthz': api, '/readyz': api, '/feed.xml': api, '/sitemap.xml': api, '/calendar': api },
  },
  // The manifest lets the bundle check (scripts/check-bundle.mjs) follow what each page loads.
  build: { outDir: 'dist', sourcemap: true, manifest: true },
});
