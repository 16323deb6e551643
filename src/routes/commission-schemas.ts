import { z } from 'zod';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATES } from '../../machines/commission.types.ts';
import { ITEM_KINDS } from '../../machines/submission.types.ts';

/** Commissions (约稿) and their assignments as the API shows them (`/v1/commissions`, `/v1/tasks`). */

export const assignmentSchema = z
  .object({
    commissionId: z.uuid(),
    unitCode: z.string(),
    unitName: z.string(),
    state: z.enum(ASSIGNMENT_STATES),
    stateLabel: z.string(),
    dueAt: z.string(),
    late: z.boolean(),
    itemId: z.string().nullable(),
    answeredAt: z.string().nullable(),
    missedAt: z.string().nullable(),
    fulfilledAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    refusalReason: z.string().nullable(),
    version: z.number(),
    allowedActions: z.array(z.enum(ASSIGNMENT_ACTIONS)),
  })
  .meta({ id: 'Assignment' });

export const commissionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    requirements: z.string(),
    kind: z.enum(ITEM_KINDS),
    allUnits: z.boolean(),
    dueDate: z.string(),
    dueAt: z.string(),
    points: z.number().nullable(),
    status: z.enum(['active', 'cancelled']),
    version: z.number(),
    createdBy: z.object({ id: z.string(), name: z.string() }).describe('who issued it (id and display name)'),
    createdAt: z.string(),
    updatedAt: z.string(),
    counts: z.partialRecord(z.enum(ASSIGNMENT_STATES), z.number()),
    assignments: z.array(assignmentSchema).optional(),
  })
  .meta({ id: 'Commission' });

export const commissionTaskSchema = assignmentSchema
  .extend({
    title: z.string(),
    requirements: z.string(),
    kind: z.enum(ITEM_KINDS),
    dueDate: z.string(),
    late: z.boolean().describe('past its due date while it still waits (or answered late)'),
  })
  .meta({ id: 'CommissionTask' });
