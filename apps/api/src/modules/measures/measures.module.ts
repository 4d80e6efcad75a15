import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { IdentityModule } from '../identity/identity.module';
import { MeasuresResolver, SafetyFlagResolver } from './measures.resolver';
import { MeasuresRepository } from './measures.repository';
import { MeasuresService } from './measures.service';

@Module({
  imports: [CareModule, IdentityModule],
  providers: [MeasuresService, MeasuresRepository, MeasuresResolver, SafetyFlagResolver],
  exports: [MeasuresService, MeasuresRepository],
})
export class MeasuresModule {}
