import { z } from 'zod';
import { ROLES } from '../../machines/submission.types.ts';

/** zod schemas of people's accounts: sign-in, sessions, passwords, tokens, the directory, the audit log. */

const PERSON_ROLES = ROLES.filter((r) => r !== 'system') as ['editor', 'approver', 'reviewer', 'manager', 'admin'];

/** Letters, digits and . _ - (no spaces), so that a login name is typed the same way on any phone. */
export const loginName = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, '登录名只能包含字母、数字和 . _ -');

const password = z.string().min(1).max(128);

export const createUserBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: z.enum(PERSON_ROLES),
    unitCode: z.string().max(20).optional(),
    login: loginName.optional(),
    initialPassword: password.optional(),
  })
  .superRefine((value, ctx) => {
    const unitScoped = value.role === 'editor' || value.role === 'approver';
    if (unitScoped && !value.unitCode) {
      ctx.addIssue({ code: 'custom', path: ['unitCode'], message: `${value.role} 必须属于一个单位（unitCode）` });
    }
    if (!unitScoped && value.unitCode) {
      ctx.addIssue({ code: 'custom', path: ['unitCode'], message: `${value.role} 不属于任何单位` });
    }
    if ((value.login === undefined) !== (value.initialPassword === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['initialPassword'], message: '登录名和初始密码须同时提供' });
    }
  });

export const userCreatedSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string().nullable(),
  role: z.string(),
  unitCode: z.string().nullable(),
  token: z.string().nullable(),
});

export const userListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    login: z.string().nullable(),
    role: z.string(),
    unitCode: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  }),
);

export const signInBody = z.object({ login: z.string().trim().min(1).max(64), password });

export const signedInSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    login: z.string(),
    role: z.string(),
    unitCode: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
});

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string().nullable(),
  role: z.string(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  openTasks: z.number(),
  unreadNotifications: z.number(),
  authenticatedBy: z.enum(['session', 'token']),
});

export const changePasswordBody = z.object({ currentPassword: password, newPassword: password });
export const resetPasswordBody = z.object({ initialPassword: password });

export const tokenBody = z.object({ name: z.string().trim().min(1).max(100) });
export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdTokenSchema = tokenSchema.extend({ token: z.string() });

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const personSchema = z.object({ id: z.string(), name: z.string(), role: z.string(), unitCode: z.string().nullable() });

export const auditQuery = z.object({
  userId: z.uuid().optional().describe('Only entries where this user acted or was acted on'),
  action: z.string().max(40).optional().describe('Only entries of this action (e.g. sign_in, token_revoked)'),
  from: z.iso.datetime({ offset: true }).optional().describe('Only entries at or after this instant (ISO 8601 with offset)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Only entries at or before this instant (ISO 8601 with offset)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Entries per page'),
  before: z.coerce.number().int().min(1).optional().describe('`nextBefore` of the previous page; none for the first page'),
});

export const auditPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      action: z.string(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
      subject: z.object({ id: z.string(), name: z.string() }).nullable(),
      login: z.string().nullable(),
      clientAddress: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  nextBefore: z.number().nullable(),
});
