import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { AfterResponse } from '../../common/background/after-response.service';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { AccountStatusResolver } from './account-status.resolver';
import { AccountStatusService } from './account-status.service';
import { AccountService } from './account.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { PreferencesService } from './preferences.service';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { PasswordChecksService } from './password-checks.service';
import { SessionCache } from './session-cache';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { AuthSessionsService } from './auth-sessions.service';

@Module({
  imports: [CareModule],
  providers: [
    RateLimitService,
    AfterResponse,
    SessionCache,
    AuthSessionsRepository,
    AuthSessionsService,
    AccountTokensRepository,
    PasswordChecksService,
    IdentityService,
    AccountService,
    PreferencesService,
    ApiTokensService,
    ApiTokensRepository,
    AccountStatusService,
    IdentityResolver,
    AccountStatusResolver,
  ],
  exports: [AuthSessionsService, ApiTokensService, AccountTokensRepository, RateLimitService, PasswordChecksService, AfterResponse],
})
export class IdentityModule {}
