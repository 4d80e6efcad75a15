import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { IdentityModule } from '../identity/identity.module';
import { RemindersModule } from '../reminders/reminders.module';
import { CalendarController } from './calendar.controller';
import { SessionsResolver } from './sessions.resolver';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({ imports: [CareModule, IdentityModule, RemindersModule], controllers: [CalendarController], providers: [SessionsService, SessionsRepository, SessionsResolver], exports: [SessionsService] })
export class SessionsModule {}
