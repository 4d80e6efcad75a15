import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import express, { type RequestHandler } from 'express';

/** Where the explorer's files are served from: all from this origin, so it works offline and under a strict policy. */
export const EXPLORER_PATH = '/graphql-explorer';

/** Our own page and start-up script, beside the package (the same place from src/ and dist/). */
const OWN_FILES = path.resolve(__dirname, '../../explorer');

const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/** GraphiQL from its npm package, with the React it was built for (its UMD build needs React 18). */
const PACKAGED_FILES: Record<string, string> = {
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
};

/** Serves the explorer's files under EXPLORER_PATH; anything not listed is left to the next handler (a 404). */
export function explorerAssets(): RequestHandler {
  const own = express.static(OWN_FILES, { index: false, maxAge: '1h' });
  return (req, res, next) => {
    const packaged = PACKAGED_FILES[req.path.slice(1)];
    // dotfiles: pnpm keeps packages under node_modules/.pnpm.
    if (packaged) return res.sendFile(packaged, { maxAge: '1d', dotfiles: 'allow' });
    if (req.path === '/index.html') return next();
    return own(req, res, next);
  };
}

/** Apollo answers a browser's GET /graphql with this page, while introspection is on. */
export function explorerLandingPage(): ApolloServerPlugin {
  const html = fs.readFileSync(path.join(OWN_FILES, 'index.html'), 'utf8');
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
