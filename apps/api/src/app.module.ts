import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import type { RequestContext } from './common/auth/viewer';
import { formatGraphQLError } from './common/errors';
import type { AppLogger } from './common/logger';
import { currentRequestId } from './common/request-context';
import type { AppConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { ContentModule } from './modules/content/content.module';
import { HealthModule } from './modules/health/health.module';

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
        DatabaseModule.forDataSource(dataSource),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: schemaFile ?? true,
          sortSchema: true,
          introspection: !config.isProduction,
          graphiql: !config.isProduction,
          // Apollo refuses simple (form-like) requests that could carry a cookie cross-site.
          csrfPrevention: true,
          context: ({ req, res }: { req: Request; res: Response }): RequestContext => ({
            req,
            res,
            requestId: currentRequestId() ?? 'unknown',
            viewer: null,
          }),
          formatError: (formatted, error) =>
            formatGraphQLError(formatted, error, currentRequestId(), (original) =>
              logger.error({ err: sanitizeForLog(original), requestId: currentRequestId() }, 'GraphQL operation failed'),
            ),
        }),
        HealthModule,
        ContentModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}

/** Log what helps us fix a fault without the values it carried (SQL parameters may hold clinical text). */
function sanitizeForLog(error: unknown) {
  if (!(error instanceof Error)) return { message: 'non-error thrown' };
  const { name, stack } = error;
  const code = (error as { code?: unknown }).code;
  return { name, code, stack: stack?.split('\n').slice(0, 8).join('\n') };
}
