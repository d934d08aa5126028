import { z } from 'zod';
import { ROLES } from './user.js';

export const LoginSchema = z.object({
  email: z.email('email must be an email address'),
  password: z.string().min(1, 'password is required').max(500),
});

export const CreateUserSchema = z.object({
  email: z.email('email must be an email address'),
  password: z.string().min(8, 'password must be at least 8 characters').max(500),
  role: z.enum(ROLES).default('agent'),
  displayName: z.string().min(1).max(200).optional(),
});

export const UpdateUserSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    displayName: z.string().min(1).max(200).nullable().optional(),
    password: z.string().min(8, 'password must be at least 8 characters').max(500).optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { message: 'send at least one of role, disabled, displayName, password' });
