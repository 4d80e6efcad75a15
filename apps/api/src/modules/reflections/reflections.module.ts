import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { ReflectionResponseResolver, ReflectionsResolver } from './reflections.resolver';
import { ReflectionsService } from './reflections.service';

@Module({ imports: [CareModule], providers: [ReflectionsService, ReflectionsResolver, ReflectionResponseResolver], exports: [ReflectionsService] })
export class ReflectionsModule {}
