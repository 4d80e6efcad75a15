import { Controller, Get, Header, Inject, NotFoundException } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';

/** The schema as SDL, for tools that read a file rather than introspect; only where introspection is on. */
@Controller()
export class SchemaController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly schemaHost: GraphQLSchemaHost,
  ) {}

  @Get('schema.graphql')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  schema() {
    if (!this.config.introspection) throw new NotFoundException();
    return printSchema(this.schemaHost.schema);
  }
}
