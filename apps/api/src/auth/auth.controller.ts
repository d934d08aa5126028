import { Body, Controller, Get, HttpCode, Inject, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody } from '../http/api-zod-body.js';
import { PublicRateLimit } from '../http/public-rate-limit.js';
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
  async login(@Body(new ZodValidationPipe(LoginSchema)) body: z.infer<typeof LoginSchema>): Promise<{ token: string; user: Pick<User, 'id' | 'email' | 'role' | 'displayName'> }> {
    const session = await this.auth.login(body.email, body.password);
    if (!session) throw new UnauthorizedException('wrong email or password');
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
