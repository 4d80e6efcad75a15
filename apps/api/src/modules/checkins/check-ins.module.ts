import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { CheckInsResolver, SessionCheckInResolver } from './check-ins.resolver';
import { CheckInsRepository } from './check-ins.repository';
import { CheckInsService } from './check-ins.service';

@Module({ imports: [CareModule], providers: [CheckInsService, CheckInsRepository, CheckInsResolver, SessionCheckInResolver], exports: [CheckInsService] })
export class CheckInsModule {}
