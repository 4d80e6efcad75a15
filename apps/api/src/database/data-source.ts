import { DataSource, type DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_TIMEOUTS, type AppConfig } from '../config/config';
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
import { MeasureDraftEntity, MeasureResponseEntity, MeasureScheduleEntity, SafetyFlagEntity } from '../modules/measures/measure.entity';
import { OutboxEmailEntity } from '../modules/mail/outbox-email.entity';
import {
  PracticePromptEntity,
  ReflectionDraftEntity,
  ReflectionEntity,
  ReflectionResponseEntity,
} from '../modules/reflections/reflection.entity';
import { ReminderDeliveryEntity } from '../modules/reminders/reminder-delivery.entity';
import { SessionNoteAddendumEntity, SessionNoteEntity } from '../modules/sessions/session-note.entity';
import { TherapySessionEntity } from '../modules/sessions/therapy-session.entity';
import { UserNameSortKeySubscriber } from '../modules/users/user-name-sort-key.subscriber';
import { UserEntity } from '../modules/users/user.entity';
import { AfterCommitSubscriber } from './after-commit';
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
  MeasureScheduleEntity,
  MeasureResponseEntity,
  MeasureDraftEntity,
  SafetyFlagEntity,
  ReminderDeliveryEntity,
];

export interface DatabaseHandle {
  dataSource: DataSource;
  /** Where the data lives, for the start-up line; never includes credentials. */
  description: string;
  close(): Promise<void>;
}

/** Limits for PostgreSQL connections; the embedded database runs in-process and has no network to fail. */
export interface DatabaseTimeouts {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

export function dataSourceOptions(connection: { url: string } | EmbeddedDatabase['connection'], timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS): DataSourceOptions {
  return {
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [AfterCommitSubscriber, UserNameSortKeySubscriber],
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    // The embedded server runs every connection on one PGlite session, and under load it let one
    // connection's statements land among another's (a session lookup came back empty while its row
    // existed). One connection serializes access, which that session does anyway.
    extra: 'url' in connection ? postgresPool(timeouts) : { max: 1, connectionTimeoutMillis: 60_000 },
  };
}

/**
 * A dead server or a cut connection fails a request within seconds instead of hanging it: a bounded wait
 * for a connection, a server-side statement limit, and a client-side read limit a little longer for a
 * server that stops answering without closing the socket. Broken connections leave the pool (pg-pool
 * drops clients that are no longer queryable), so the pool heals itself when the database returns.
 */
function postgresPool({ connectTimeoutMs, statementTimeoutMs }: DatabaseTimeouts) {
  return {
    max: 10,
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
    // Named statements (prepared-query.ts) are planned once per connection and keep that plan. Left to choose,
    // PostgreSQL planned the caseload again on every request whenever a custom plan looked cheaper (a page of
    // 1: 0.35 ms each time; at ten years of history, every page: 1.4 ms), so a request's cost grew with its
    // values and with history. TypeORM's unnamed statements get a plan for any values too, so their estimates
    // must hold for every client, long histories included (the statistics of migration 1796600000470).
    options: '-c plan_cache_mode=force_generic_plan',
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 2_000 } : {}),
  };
}

type DatabaseSettings = Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'> & Partial<Pick<AppConfig, 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS'>>;

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded database under DATA_DIR. */
export async function openDatabase(config: DatabaseSettings): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const timeouts = {
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS ?? DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS ?? DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs,
    };
    const dataSource = await new DataSource(dataSourceOptions({ url: config.DATABASE_URL }, timeouts)).initialize();
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
