import { Inject } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/auth/viewer';
import { forbidden } from '../../common/errors';
import { assertPolicy, Policy } from '../../common/policy/policy';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxEmail } from '../identity/identity.models';
import { MailerService } from './mailer.service';
import { ClosedToTokens } from '../../common/auth/scope.decorator';

@Resolver()
export class OutboxResolver {
  constructor(
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ClosedToTokens()
  @Query(() => [OutboxEmail], { description: 'Admins, outside production: the newest emails in the development outbox.' })
  devOutbox(@Args('first', { type: () => Int, nullable: true, description: 'How many of the newest to return: 1 to 100, 20 when left out.' }) first: number | null, @Context() ctx: RequestContext) {
    assertPolicy(Policy.manageUsers(ctx.viewer!));
    if (this.config.isProduction) throw forbidden('The development outbox is not available in production.');
    return this.mailer.newestInOutbox(Math.min(Math.max(first ?? 20, 1), 100));
  }
}
