import type { LoggerService } from '@nestjs/common';
import pino from 'pino';
import pretty from 'pino-pretty';

/**
 * Structured logs: JSON for a collector, or readable coloured lines while developing (the same fields,
 * redacted alike). Secrets and bodies are redacted: clinical text never belongs in a log line.
 */
export function createLogger(level: string, format: 'json' | 'pretty' = 'json') {
  const options = {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.body', '*.token'],
      censor: '[redacted]',
    },
  };
  // Synchronous, in this thread: a line is never lost when the process stops, and no worker is started.
  return format === 'pretty' ? pino(options, pretty({ colorize: process.stdout.isTTY, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,context', messageFormat: '{if context}[{context}] {end}{msg}' })) : pino(options);
}

/** auto: readable lines outside production. */
export const logFormat = (config: { LOG_FORMAT: 'auto' | 'json' | 'pretty'; isProduction: boolean }) =>
  config.LOG_FORMAT === 'auto' ? (config.isProduction ? 'json' : 'pretty') : config.LOG_FORMAT;
export type AppLogger = ReturnType<typeof createLogger>;

/** Lets Nest's own messages go through the same structured logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}
  // Nest's own progress lines (modules loaded, routes mapped) matter only when debugging start-up.
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

/** Log what helps us fix a fault without the values it carried (SQL parameters may hold clinical text). */
export function sanitizeForLog(error: unknown) {
  if (!(error instanceof Error)) return { message: 'non-error thrown' };
  const { name, stack } = error;
  const code = (error as { code?: unknown }).code;
  return { name, code, stack: stack?.split('\n').slice(0, 8).join('\n') };
}
