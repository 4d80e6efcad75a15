import { Module } from '@nestjs/common';
import { CarePolicy } from './care-policy.service';
import { CareRelationshipsRepository } from './care-relationships.repository';
import { CareResolver } from './care.resolver';
import { CareService } from './care.service';

@Module({ providers: [CarePolicy, CareRelationshipsRepository, CareService, CareResolver], exports: [CarePolicy, CareRelationshipsRepository] })
export class CareModule {}
