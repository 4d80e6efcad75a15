import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({ imports: [CareModule], providers: [SessionsService, SessionsResolver], exports: [SessionsService] })
export class SessionsModule {}
