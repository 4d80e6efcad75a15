import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiScope } from '@attune/domain';
import { forbidden, unauthenticated } from '../errors';
import type { RequestContext } from './viewer';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_SCOPE } from './scope.decorator';

/**
 * Every resolver needs a signed-in viewer unless marked @Public(); an API token also needs the
 * operation's scope. What a viewer may then do with a particular record is the policy's call.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const { viewer, pending, bearerRejected } = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (bearerRejected) throw unauthenticated('This API token is not valid: it may have been revoked or have expired.');
    if (!viewer) {
      throw pending
        ? unauthenticated('Please finish signing in with the code from your authenticator app first.')
        : unauthenticated();
    }
    if (viewer.scopes) {
      const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets);
      if (!scope) throw forbidden('API tokens cannot be used for this operation.');
      if (!viewer.scopes.has(scope)) throw forbidden(`This token does not have the "${scope}" scope.`);
    }
    return true;
  }
}
