import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { CaseloadRepository } from './caseload.repository';
import { CaseloadResolver } from './caseload.resolver';
import { CaseloadService } from './caseload.service';

@Module({ imports: [CareModule], providers: [CaseloadRepository, CaseloadService, CaseloadResolver] })
export class CaseloadModule {}
