import { Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyKeysService } from './idempotency-keys.service';

@Module({ providers: [IdempotencyKeysRepository, IdempotencyKeysService], exports: [IdempotencyKeysService] })
export class IdempotencyModule {}
