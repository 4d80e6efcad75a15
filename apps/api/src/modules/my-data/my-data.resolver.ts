import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClosedToTokens } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import GraphQLJSON from '../../common/json.scalar';
import { AccountClosureService } from './account-closure.service';
import { EXPORT_FORMAT, MyDataExportService } from './my-data-export.service';

/** A client's own data. Closed to API tokens: both are a person's own acts, taken signed in, in the portal. */
@Resolver()
export class MyDataResolver {
  constructor(
    private readonly exports: MyDataExportService,
    private readonly closure: AccountClosureService,
  ) {}

  @ClosedToTokens()
  @Query(() => GraphQLJSON, {
    description: `Clients: everything you have in Attune as one JSON document (format "${EXPORT_FORMAT}", with its export time): profile, sessions with agendas, reflections (private and shared) with responses, the saved draft, check-ins, practice prompts and articles sent to you. The therapist's private notes are not part of it; its "privateNotes" field says how to ask for them. Read as one snapshot and audited.`,
  })
  exportMyData(@Context() ctx: RequestContext) {
    return this.exports.export(ctx.viewer!);
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, {
    description:
      'Clients: closes your account, with your password. At once: every sign-in and API token ends, private reflections and the draft are deleted, upcoming sessions are cancelled. The clinical record (sessions, shared reflections, check-ins, notes) is kept by the practice for RETENTION_YEARS, then removed. A wrong password is BAD_USER_INPUT and changes nothing.',
  })
  closeMyAccount(@Args('password', { description: 'Your current password: closing is confirmed by it.' }) password: string, @Context() ctx: RequestContext) {
    return this.closure.close(ctx.viewer!, password, ctx.res);
  }
}
