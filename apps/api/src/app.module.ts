import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { auditBatchHooks } from './common/audit-batch';
import { AuthGuard } from './common/auth/auth.guard';
import { describeTokenScopes, tokenScopeHook } from './common/auth/token-scopes';
import type { RequestContext } from './common/auth/viewer';
import { DateTimeScalar } from './common/date-time.scalar';
import { describeRootTypes } from './common/graphql-root-types';
import { readFieldsDirectly } from './common/plain-field-reads';
import { callerOf } from './graphql-gate';
import { costLimitHook, GRAPHQL_LIMITS, limitValidationRules } from './common/graphql-limits';
import type { AppLogger } from './common/logger';
import { LoggerModule } from './common/logger.module';
import { currentRequestId } from './common/request-context';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { executionErrorFormatter, graphqlErrorFormat, graphqlTextOnly, noIntrospection } from './graphql-http';
import { SchemaController } from './explorer/schema.controller';
import { AuditModule } from './modules/audit/audit.module';
import { CareModule } from './modules/care/care.module';
import { CaseloadModule } from './modules/caseload/caseload.module';
import { CheckInsModule } from './modules/checkins/check-ins.module';
import { ContentModule } from './modules/content/content.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { EnquiriesModule } from './modules/enquiries/enquiries.module';
import { HealthModule } from './modules/health/health.module';
import { IdempotencyKeysService } from './modules/idempotency/idempotency-keys.service';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { idempotencyHooks } from './modules/idempotency/idempotency.plugin';
import { IdentityModule } from './modules/identity/identity.module';
import { MailModule } from './modules/mail/mail.module';
import { FhirModule } from './modules/fhir/fhir.module';
import { MeasuresModule } from './modules/measures/measures.module';
import { MyDataModule } from './modules/my-data/my-data.module';
import { ReflectionsModule } from './modules/reflections/reflections.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { UsersModule } from './modules/users/users.module';
import { SiteModule } from './modules/site/site.module';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  logger: AppLogger;
  /** Where to write the generated schema; only the schema script sets it. */
  schemaFile?: string;
}

@Module({})
export class AppModule {
  static register({ config, dataSource, logger, schemaFile }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggerModule.forLogger(logger),
        DatabaseModule.forDataSource(dataSource),
        AuditModule,
        MailModule,
        IdentityModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [IdempotencyModule],
          inject: [IdempotencyKeysService],
          useFactory: (idempotencyKeys: IdempotencyKeysService): MercuriusDriverConfig => {
            const idempotency = idempotencyHooks(idempotencyKeys);
            return {
              path: '/graphql',
              autoSchemaFile: schemaFile ?? true,
              sortSchema: true,
              // One DateTime for the whole schema, strict about what it takes (common/date-time.scalar.ts).
              buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
              // The root types say what they are, and each operation's description names the scope a token needs, in the served and the written schema alike;
              // fields that only read a property are left to graphql-jit to read inline (plain-field-reads.ts).
              transformSchema: (schema) => readFieldsDirectly(describeTokenScopes(describeRootTypes(schema))),
              transformAutoSchemaFile: true,
              // The explorer is our own page, served from this origin (explorer.ts, app.ts), not Mercurius's.
              graphiql: false,
              // A document seen a second time is compiled by graphql-jit and runs compiled from then on.
              jit: 1,
              // Limits are checked before anything runs: tokens while parsing, depth and aliases while validating, scopes and cost after.
              // Without introspection there is no `__schema`/`__type`, and errors do not suggest field names either (graphql-http.ts).
              // (hideSuggestions is graphql-js 16.10's, newer than Mercurius's typings; validate() reads it.)
              graphql: { parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens }, validateOptions: { hideSuggestions: !config.introspection } as object },
              validationRules: config.introspection ? limitValidationRules : [...limitValidationRules, noIntrospection],
              allowBatchedQueries: false,
              // CSRF prevention, the explorer page and every error outside an answer are the route's (app.ts, graphql-http.ts).
              errorHandler: false,
              // The gate in front of /graphql (graphql-gate.ts) has worked out the caller and refused dead credentials.
              context: (req: FastifyRequest, res: FastifyReply): RequestContext => ({ req, res, requestId: currentRequestId() ?? 'unknown', ...callerOf(req) }),
              errorFormatter: executionErrorFormatter(graphqlErrorFormat(logger, !config.introspection)),
              // In order: the token's scopes, the cost, the idempotency key (which may answer at once), then the audit batch of a query.
              // Cast: the hooks take our context (RequestContext with Mercurius's reply), which Mercurius's typings cannot know.
              hooks: {
                preValidation: [graphqlTextOnly(GRAPHQL_LIMITS.tokens)],
                preExecution: [tokenScopeHook, costLimitHook(), idempotency.preExecution, auditBatchHooks.preExecution],
                // The audit rows are written first: should that fail, nothing is stored as the key's answer either.
                onResolution: [auditBatchHooks.onResolution, idempotency.onResolution],
              } as unknown as MercuriusDriverConfig['hooks'],
            };
          },
        }),
        HealthModule,
        UsersModule,
        ContentModule,
        CareModule,
        SessionsModule,
        ReflectionsModule,
        MyDataModule,
        CheckInsModule,
        MeasuresModule,
        FhirModule,
        CaseloadModule,
        DirectoryModule,
        EnquiriesModule,
        SiteModule,
      ],
      // Here, beside GraphQLModule, whose schema it prints.
      controllers: [SchemaController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
