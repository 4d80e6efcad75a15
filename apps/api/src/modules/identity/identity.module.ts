import { Module } from '@nestjs/common';
import { AfterResponse } from '../../common/background/after-response.service';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { AccountStatusResolver } from './account-status.resolver';
import { AccountStatusService } from './account-status.service';
import { AccountService } from './account.service';
import { PreferencesService } from './preferences.service';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { PasswordChecksService } from './password-checks.service';
import { SessionCache } from './session-cache';
import { AuthSessionsService } from './auth-sessions.service';

@Module({
  providers: [
    RateLimitService,
    AfterResponse,
    SessionCache,
    AuthSessionsService,
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
  exports: [AuthSessionsService, ApiTokensService, RateLimitService, PasswordChecksService, AfterResponse],
})
export class IdentityModule {}
