import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './password-policy.js';
import { ROLES } from './user.js';

export const LoginSchema = z.object({
  email: z.email('email must be an email address'),
  password: z.string().min(1, 'password is required').max(MAX_PASSWORD_LENGTH),
});

/** Adds the password policy's verdict (length, common passwords, the user's own details) as an issue on `password`. */
function checkPassword(password: string | undefined, userInputs: (string | null | undefined)[], context: z.RefinementCtx): void {
  if (password === undefined) return;
  const problem = passwordProblem(password, userInputs);
  if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const CreateUserSchema = z
  .object({
    email: z.email('email must be an email address'),
    password: z.string('password is required'),
    role: z.enum(ROLES).default('agent'),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((user, context) => checkPassword(user.password, [user.email, user.displayName], context));

export const UpdateUserSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(200).nullable().optional(),
    password: z.string().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { message: 'send at least one of role, disabled, displayName, password' })
  .superRefine((changes, context) => checkPassword(changes.password, [changes.displayName], context));
