import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { IdentityModule } from '../identity/identity.module';
import { MeasuresResolver, SafetyFlagResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';

@Module({ imports: [CareModule, IdentityModule], providers: [MeasuresService, MeasuresResolver, SafetyFlagResolver], exports: [MeasuresService] })
export class MeasuresModule {}
