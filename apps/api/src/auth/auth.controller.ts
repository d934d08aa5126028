import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody } from '../http/api-zod-body.js';
import { PublicRateLimit } from '../http/public-rate-limit.js';
import { tooManyRequests } from '../http/too-many-requests.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { CurrentUser, Public, type AuthenticatedRequest } from './auth-decorators.js';
import { LoginSchema } from './auth-schemas.js';
import { AuthService } from './auth.service.js';
import type { User } from './user.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @PublicRateLimit()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(LoginSchema)
  async login(@Body(new ZodValidationPipe(LoginSchema)) body: z.infer<typeof LoginSchema>, @Res({ passthrough: true }) response: Response): Promise<{ token: string; user: Pick<User, 'id' | 'email' | 'role' | 'displayName'> }> {
    const session = await this.auth.login(body.email, body.password);
    if (session.kind === 'throttled') {
      throw tooManyRequests(response, session.retryAfterMs, (seconds) => `too many failed sign-ins for this account: wait ${seconds} s before trying again (each further failure doubles the wait, up to 15 minutes; an admin can reset the password)`);
    }
    if (session.kind === 'wrong') throw new UnauthorizedException('wrong email or password');
    const { id, email, role, displayName } = session.user;
    return { token: session.token, user: { id, email, role, displayName } };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: User): User {
    return user;
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    if (request.authTokenHash) await this.auth.logout(request.authTokenHash);
  }
}
