import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { ReflectionResponseResolver, ReflectionsResolver } from './reflections.resolver';
import { ReflectionsRepository } from './reflections.repository';
import { ReflectionsService } from './reflections.service';

@Module({ imports: [CareModule], providers: [ReflectionsService, ReflectionsRepository, ReflectionsResolver, ReflectionResponseResolver], exports: [ReflectionsService] })
export class ReflectionsModule {}
