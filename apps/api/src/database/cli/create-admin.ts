import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config';
import { ADMIN_INVITATION_HOURS, createAdminInvitation } from '../../modules/identity/first-admin';
import { openDatabase } from '../data-source';
import { runCli } from './run-cli';

/** `pnpm admin:create --email … --name …`: prints a single-use invitation link for a new admin. */
runCli(async () => {
  // pnpm passes its own `--` separator through to the script.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, allowPositionals: false });
  if (!values.email || !values.name) throw new Error('Usage: pnpm admin:create --email you@example.com --name "Your Name"');
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const { link } = await createAdminInvitation(database.dataSource, { email: values.email, name: values.name }, config.PUBLIC_URL);
    process.stdout.write(
      [
        `An invitation for ${values.name} (admin) is ready. Open this link within ${ADMIN_INVITATION_HOURS} hours to choose a password and set up two-step sign-in.`,
        `It works once; keep it private:`,
        link,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
});
