import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { auditBatchPlugin } from './common/audit-batch';
import { AuthGuard } from './common/auth/auth.guard';
import { describeTokenScopes, tokenScopePlugin } from './common/auth/token-scopes';
import type { RequestContext } from './common/auth/viewer';
import { DateTimeScalar } from './common/date-time.scalar';
import { formatGraphQLError } from './common/errors';
import { describeRootTypes } from './common/graphql-root-types';
import { callerOf } from './graphql-gate';
import { costLimitPlugin, GRAPHQL_LIMITS, limitValidationRules } from './common/graphql-limits';
import { sanitizeForLog, type AppLogger } from './common/logger';
import { LoggerModule } from './common/logger.module';
import { currentRequestId } from './common/request-context';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { explorerLandingPage } from './explorer/explorer';
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
import { idempotencyPlugin } from './modules/idempotency/idempotency.plugin';
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
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdempotencyModule],
          inject: [IdempotencyKeysService],
          useFactory: (idempotencyKeys: IdempotencyKeysService) => ({
            path: '/graphql',
            autoSchemaFile: schemaFile ?? true,
            sortSchema: true,
            // One DateTime for the whole schema, strict about what it takes (common/date-time.scalar.ts).
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            // The root types say what they are, and each operation's description names the scope a token needs, in the served and the written schema alike.
            transformSchema: (schema) => describeTokenScopes(describeRootTypes(schema)),
            transformAutoSchemaFile: true,
            introspection: config.introspection,
            // The explorer is our own page, served from this origin (explorer.ts), not Nest's, which loads from a CDN.
            graphiql: false,
            // Without introspection, errors do not suggest field names either.
            hideSchemaDetailsFromClientErrors: !config.introspection,
            // Limits are checked before anything runs: tokens while parsing, depth and aliases while validating, cost after.
            parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens },
            validationRules: limitValidationRules,
            // Cast: @apollo/server ships CJS and ESM typings, and Nest's config names the other copy. No cache hints: answers
            // are private, and Apollo's default cache-control plugin would wrap every field resolver to work them out.
            plugins: [ApolloServerPluginCacheControlDisabled(), tokenScopePlugin(), costLimitPlugin(), auditBatchPlugin(), idempotencyPlugin(idempotencyKeys), ...(config.introspection ? [explorerLandingPage()] : [])] as ApolloDriverConfig['plugins'],
            allowBatchedHttpRequests: false,
            // Apollo refuses simple (form-like) requests and GET mutations that could carry a cookie cross-site.
            csrfPrevention: true,
            // The gate in front of /graphql (graphql-gate.ts) has worked out the caller and refused dead credentials.
            // Apollo's Fastify integration hands over the request and the reply themselves.
            context: (req: FastifyRequest, res: FastifyReply): RequestContext => ({ req, res, requestId: currentRequestId() ?? 'unknown', ...callerOf(req) }),
            formatError: (formatted, error) =>
              formatGraphQLError(formatted, error, currentRequestId(), (original) =>
                logger.error({ err: sanitizeForLog(original), requestId: currentRequestId() }, 'GraphQL operation failed'),
              ),
          }),
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
