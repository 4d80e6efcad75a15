import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppLogger } from './logger';

export const AppLoggerToken = Symbol('AppLogger');

@Global()
@Module({})
export class LoggerModule {
  static forLogger(logger: AppLogger): DynamicModule {
    return { module: LoggerModule, providers: [{ provide: AppLoggerToken, useValue: logger }], exports: [AppLoggerToken] };
  }
}
