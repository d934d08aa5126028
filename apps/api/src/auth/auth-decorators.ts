import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role, User } from './user.js';

export const PUBLIC_ROUTE = 'autocase:public';
export const REQUIRED_ROLES = 'autocase:roles';

/** Opts a route (or controller) out of the bearer-token guard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Restricts a route (or controller) to the given roles; without it any signed-in user may call it. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  user?: User;
  authTokenHash?: string;
}

/** The signed-in user of the request (set by the AuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): User | undefined => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
