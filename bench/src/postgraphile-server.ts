import http from 'node:http';
import pg from 'pg';
import postgraphileModule from 'postgraphile';
import ConnectionFilterPlugin from 'postgraphile-plugin-connection-filter';

/**
 * PostGraphile v4 over the same tables, for comparison only: no authentication, so it listens on
 * 127.0.0.1 and only the bench starts it. The pool has Attune's size (10).
 */
const { postgraphile } = postgraphileModule;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const middleware = postgraphile(pool, 'public', {
  appendPlugins: [ConnectionFilterPlugin],
  disableQueryLog: true,
  retryOnInitFail: false,
  graphqlRoute: '/graphql',
  graphiql: false,
  ignoreRBAC: false,
  setofFunctionsContainNulls: false,
});
let ready = false;
void middleware.getGraphQLSchema().then(() => (ready = true));

const server = http.createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(ready ? 200 : 503).end();
    return;
  }
  void middleware(req, res);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
