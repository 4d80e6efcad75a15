import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../errors';
import type { RequestContext } from './viewer';
import { IS_PUBLIC } from './public.decorator';

/** Every resolver needs a signed-in viewer unless marked @Public(); what they may then do is the policy's call. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!ctx.viewer) throw unauthenticated();
    return true;
  }
}
