import { Module } from '@nestjs/common';
import { CarePolicy } from './care-policy.service';
import { CareResolver } from './care.resolver';
import { CareService } from './care.service';

@Module({ providers: [CarePolicy, CareService, CareResolver], exports: [CarePolicy] })
export class CareModule {}
