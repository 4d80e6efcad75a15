import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { CareRelationshipEntity } from '../modules/care/care-relationship.entity';
import { CheckInEntity } from '../modules/checkins/check-in.entity';
import { ArticleRevisionEntity } from '../modules/content/article-revision.entity';
import { ArticleSlugRedirectEntity } from '../modules/content/article-slug-redirect.entity';
import { ArticleEntity } from '../modules/content/article.entity';
import { SharedArticleEntity } from '../modules/content/shared-article.entity';
import { TherapistProfileEntity } from '../modules/directory/therapist-profile.entity';
import { FirstConversationRequestEntity } from '../modules/enquiries/first-conversation-request.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import { AccountTokenEntity } from '../modules/identity/account-token.entity';
import { ApiTokenEntity } from '../modules/identity/api-token.entity';
import { AuthSessionEntity } from '../modules/identity/auth-session.entity';
import { RecoveryCodeEntity } from '../modules/identity/recovery-code.entity';
import { OutboxEmailEntity } from '../modules/mail/outbox-email.entity';
import {
  PracticePromptEntity,
  ReflectionDraftEntity,
  ReflectionEntity,
  ReflectionResponseEntity,
} from '../modules/reflections/reflection.entity';
import { SessionNoteAddendumEntity, SessionNoteEntity } from '../modules/sessions/session-note.entity';
import { TherapySessionEntity } from '../modules/sessions/therapy-session.entity';
import { UserEntity } from '../modules/users/user.entity';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  UserEntity,
  ArticleEntity,
  AuthSessionEntity,
  RecoveryCodeEntity,
  AccountTokenEntity,
  ApiTokenEntity,
  CareRelationshipEntity,
  AuditEventEntity,
  OutboxEmailEntity,
  TherapySessionEntity,
  SessionNoteEntity,
  SessionNoteAddendumEntity,
  ReflectionEntity,
  ReflectionResponseEntity,
  ReflectionDraftEntity,
  PracticePromptEntity,
  CheckInEntity,
  ArticleRevisionEntity,
  ArticleSlugRedirectEntity,
  SharedArticleEntity,
  TherapistProfileEntity,
  FirstConversationRequestEntity,
  IdempotencyKeyEntity,
];

export interface DatabaseHandle {
  dataSource: DataSource;
  /** Where the data lives, for the start-up line; never includes credentials. */
  description: string;
  close(): Promise<void>;
}

export function dataSourceOptions(connection: { url: string } | EmbeddedDatabase['connection']): DataSourceOptions {
  return {
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    // The embedded server runs every connection on one PGlite session, and under load it let one
    // connection's statements land among another's (a session lookup came back empty while its row
    // existed). One connection serializes access, which that session does anyway.
    extra: { max: 'url' in connection ? 10 : 1, connectionTimeoutMillis: 'url' in connection ? 10_000 : 60_000 },
  };
}

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded database under DATA_DIR. */
export async function openDatabase(config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'>): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const dataSource = await new DataSource(dataSourceOptions({ url: config.DATABASE_URL })).initialize();
    const url = new URL(config.DATABASE_URL);
    return {
      dataSource,
      description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  }
  const embedded = await startEmbeddedDatabase(config.DATA_DIR);
  try {
    const dataSource = await new DataSource(dataSourceOptions(embedded.connection)).initialize();
    return {
      dataSource,
      description: `the embedded database in ${config.DATA_DIR}`,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
