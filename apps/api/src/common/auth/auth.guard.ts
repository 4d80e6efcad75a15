import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../errors';
import type { RequestContext } from './viewer';
import { IS_PUBLIC } from './scope.decorator';

/**
 * Every resolver needs a signed-in viewer unless marked @Public(). What an API token may read is checked
 * on every field path before the operation runs (token-scopes.ts); what a viewer may do with a
 * particular record is the policy's call.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const { viewer, pending } = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!viewer) {
      throw pending
        ? unauthenticated('Please finish signing in with the code from your authenticator app first.')
        : unauthenticated();
    }
    return true;
  }
}
