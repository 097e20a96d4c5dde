import { z } from 'zod';

export const loginInputSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const userRoleSchema = z.enum(['admin', 'enumerator', 'supervisor', 'observer', 'focal_point']);
export const sessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: userRoleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
export const loginResultSchema = z.object({ user: sessionUserSchema });
