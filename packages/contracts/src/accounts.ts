/**
 * Accounts and the audit log from the console (issue 17 item 6): Sở Nội vụ staff (admin),
 * supervisors and observers (MTTQ, Hội CCB); disable, enable, reset; the first administrator.
 */
import { z } from 'zod';
import { userRoleSchema } from './auth.ts';
import { decimalParam, unitCodeSchema } from './common.ts';

/** `focal_point`: a unit's đầu mối CCHC, bound to one unit (docs/0019-focal-point-role.md). */
export const consoleRoleSchema = z.enum(['admin', 'supervisor', 'observer', 'focal_point']);

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: userRoleSchema,
  organisation: z.string().nullable(),
  /** The focal point's unit (null for the other roles). */
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ accounts: z.array(accountSchema) });

export const accountCreateSchema = z
  .object({
    email: z.email({ error: 'Email không hợp lệ' }).max(254),
    fullName: z.string().trim().min(1, { error: 'Vui lòng nhập họ tên' }).max(200),
    role: consoleRoleSchema,
    /** Required for supervisors and observers (e.g. "Ủy ban MTTQ tỉnh", "Hội Cựu chiến binh tỉnh"). */
    organisation: z.string().trim().min(1).max(200).optional(),
    /** Required for focal points (and only for them): the one unit they see. */
    unitCode: unitCodeSchema.optional(),
  })
  .refine((a) => a.role === 'admin' || a.role === 'focal_point' || Boolean(a.organisation), {
    message: 'Giám sát viên và quan sát viên cần tên tổ chức',
    path: ['organisation'],
  })
  .refine((a) => (a.role === 'focal_point') === Boolean(a.unitCode), {
    message: 'Chỉ tài khoản đầu mối CCHC chọn đơn vị, và phải chọn một đơn vị',
    path: ['unitCode'],
  });
export type AccountCreate = z.infer<typeof accountCreateSchema>;

/** A new account or a reset: the temporary password is shown once and never stored in clear. */
export const accountSecretSchema = z.object({ id: z.uuid(), temporaryPassword: z.string() });
export type AccountSecret = z.infer<typeof accountSecretSchema>;

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: decimalParam(z.number().int().min(1).max(200)).default(50),
  offset: decimalParam(z.number().int().min(0).max(1_000_000)).default(0),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int(),
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });
export const firstAdminSchema = z.object({
  token: z.string().min(16).max(200),
  email: z.email({ error: 'Email không hợp lệ' }).max(254),
  fullName: z.string().trim().min(1).max(200),
  password: z.string().min(10, { error: 'Mật khẩu cần ít nhất 10 ký tự' }).max(200),
});
export type FirstAdmin = z.infer<typeof firstAdminSchema>;
