import { Body, Controller, Get, Inject, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody } from '../http/api-zod-body.js';
import { validationException, ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { USER_REPOSITORY } from '../tokens.js';
import { CurrentUser, Roles } from './auth-decorators.js';
import { AuthService } from './auth.service.js';
import { CreateUserSchema, UpdateUserSchema } from './auth-schemas.js';
import { hashPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import type { User, UserRepository } from './user.js';
import { DomainError } from '@autocase/core';

@ApiTags('admin: users')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class UsersController {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  @Get()
  async list(): Promise<{ items: User[]; total: number }> {
    const items = await this.users.list();
    return { items, total: items.length };
  }

  @Post()
  @ApiZodBody(CreateUserSchema)
  async create(@Body(new ZodValidationPipe(CreateUserSchema)) body: z.infer<typeof CreateUserSchema>): Promise<User> {
    return this.users.create({ email: body.email, role: body.role, displayName: body.displayName ?? null, passwordHash: await hashPassword(body.password) });
  }

  @Patch(':id')
  @ApiZodBody(UpdateUserSchema)
  async update(@Param('id') id: string, @Body(new ZodValidationPipe(UpdateUserSchema)) body: z.infer<typeof UpdateUserSchema>, @CurrentUser() actor: User): Promise<User> {
    if (id === actor.id && (body.disabled === true || body.role === 'agent')) {
      throw new DomainError('CONFLICT', 'you cannot disable yourself or remove your own admin role; ask another admin');
    }
    const before = await this.users.get(id);
    if (body.password) {
      const problem = before ? passwordProblem(body.password, [before.email, before.displayName]) : null;
      if (problem) throw validationException([{ path: 'password', message: problem }]);
    }
    const updated = await this.users.update(id, {
      role: body.role,
      disabled: body.disabled,
      displayName: body.displayName,
      passwordHash: body.password ? await hashPassword(body.password) : undefined,
    });
    if (!updated) throw new NotFoundException(`user ${id} not found`);
    // A disabled user or a reset password ends every open session of that user (sockets included);
    // a role change closes their sockets, which reconnect under the new role.
    if (body.disabled === true || body.password) await this.auth.revokeSessionsOfUser(id);
    else if (before && before.role !== updated.role) this.auth.disconnectUser(id);
    return updated;
  }
}
