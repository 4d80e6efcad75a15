import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The data source is opened before Nest starts, so start-up can report a bad database in one line. */
@Global()
@Module({})
export class DatabaseModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  }
}
