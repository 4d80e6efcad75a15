import { Global, Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditEventsRepository, AuditResolver], exports: [AuditService] })
export class AuditModule {}
