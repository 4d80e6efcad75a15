import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { IdentityModule } from '../identity/identity.module';
import { FirstConversationsRepository } from './first-conversations.repository';
import { FirstConversationsResolver } from './first-conversations.resolver';
import { FirstConversationsService } from './first-conversations.service';

/** Requests for a first conversation from the public site. IdentityModule shares its rate limiter. */
@Module({
  imports: [DirectoryModule, IdentityModule],
  providers: [FirstConversationsRepository, FirstConversationsService, FirstConversationsResolver],
  exports: [FirstConversationsService],
})
export class EnquiriesModule {}
