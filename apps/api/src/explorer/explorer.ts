import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Where the explorer's files are served from: all from this origin, so it works offline and under a strict policy. */
export const EXPLORER_PATH = '/graphql-explorer';

/** Our own page and start-up script, beside the package (the same place from src/ and dist/). */
const OWN_FILES = path.resolve(__dirname, '../../explorer');

const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/**
 * Every file under EXPLORER_PATH: our own script and stylesheet (index.html is the landing page, not an
 * asset), and GraphiQL from its npm package with the React it was built for (its UMD build needs React 18).
 */
const ASSETS: Record<string, { file: string; maxAge: string }> = {
  'explorer.js': { file: path.join(OWN_FILES, 'explorer.js'), maxAge: '1h' },
  'explorer.css': { file: path.join(OWN_FILES, 'explorer.css'), maxAge: '1h' },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), maxAge: '1d' },
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), maxAge: '1d' },
  'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), maxAge: '1d' },
  'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), maxAge: '1d' },
};

/** Serves the explorer's files under EXPLORER_PATH (with @fastify/static's reply.sendFile); anything else is a 404. */
export function serveExplorerAssets(fastify: FastifyInstance) {
  fastify.get<{ Params: { name: string } }>(`${EXPLORER_PATH}/:name`, (req, reply) => {
    const asset = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!asset) return reply.callNotFound();
    // dotfiles: pnpm keeps packages under node_modules/.pnpm.
    return reply.sendFile(path.basename(asset.file), path.dirname(asset.file), { maxAge: asset.maxAge, dotfiles: 'allow' });
  });
}

/** The page a browser's GET /graphql gets while introspection is on (graphql-http.ts explorerPage). */
export const explorerHtml = () => fs.readFileSync(path.join(OWN_FILES, 'index.html'), 'utf8');
