import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth-decorators.js';
import { AuthService } from './auth.service.js';
import type { Role } from './user.js';

/** Global guard: every HTTP route needs a valid bearer token unless marked `@Public()`; `@Roles()` narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <token> from POST /api/auth/login');
    const session = await this.auth.authenticate(match[1]);
    if (!session) throw new UnauthorizedException('invalid or expired token: log in again');
    request.user = session.user;
    request.authTokenHash = session.tokenHash;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(session.user.role)) throw new ForbiddenException(`this endpoint needs the role ${roles.join(' or ')}; you are ${session.user.role}`);
    return true;
  }
}
