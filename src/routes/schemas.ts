import { z } from 'zod';
import { ACTIONS, ACTIONS_NEEDING_REASON, GATES, ITEM_KINDS, STATES } from '../../machines/submission.types.ts';
import { bilingualIssue } from '../validation.ts';
import { FIRST_DATE, FIRST_YEAR, isValidDate, LAST_DATE, LAST_YEAR, VALID_DATE_MESSAGE } from '../time/shanghai.ts';

/** zod schemas of the HTTP contract: validation, types and the OpenAPI document come from these. */

/** Every date the API takes: a real calendar date within the service's range (see isValidDate). */
export const dateString = z
  .string()
  .refine(isValidDate, bilingualIssue({ zh: VALID_DATE_MESSAGE, en: `a valid date from ${FIRST_DATE} to ${LAST_DATE} (YYYY-MM-DD)` }))
  .meta({ format: 'date', example: '2024-05-20' });

/** Every year the API takes, in a path or a query. */
export const yearNumber = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);

export const uuidParam = z.object({ id: z.uuid().describe('Id (UUID) of the resource the path names') });

export const errorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

const textField = (max: number) => z.string().trim().max(max);

export const createSubmissionBody = z.object({
  title: textField(200).min(1),
  body: z.string().max(50_000).default(''),
  eventDate: dateString,
  major: z.boolean().default(false),
  kind: z.enum(ITEM_KINDS).default('news'),
  wechatUrl: z.url().max(2000).nullable().default(null),
  /** The commission (约稿) this item answers: an assignment of the editor's own unit that still takes an answer. */
  commissionId: z.uuid().optional(),
});

export const patchSubmissionBody = z
  .object({
    title: textField(200).min(1),
    body: z.string().max(50_000),
    eventDate: dateString,
    major: z.boolean(),
    kind: z.enum(ITEM_KINDS),
    wechatUrl: z.url().max(2000).nullable(),
  })
  .partial()
  .refine(
    (patch) => Object.keys(patch).length > 0,
    bilingualIssue({ zh: '请至少指定一个要修改的字段', en: 'name at least one field to change' }),
  );

/** The five checks (五关), one boolean each. */
const gatesObject = z.strictObject(Object.fromEntries(GATES.map((gate) => [gate, z.boolean()])) as Record<(typeof GATES)[number], z.ZodBoolean>);

const personRef = z.object({ id: z.string(), name: z.string() });

export const actionBody = z
  .object({
    action: z.enum(ACTIONS),
    reason: z.string().trim().min(1).max(2000).optional(),
    signer: z.string().trim().min(1).max(100).optional(),
    gates: gatesObject
      .partial()
      .optional()
      .describe('sign_off: the approver confirms each of the five checks (五关); a missing or false one is refused (422 gates_unconfirmed)'),
    to: z.uuid().optional().describe('reassign: the active reviewer who takes the claim over'),
  })
  .superRefine((value, ctx) => {
    if (ACTIONS_NEEDING_REASON.has(value.action) && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `reason is required for ${value.action}` });
    }
    if (value.action === 'sign_off' && !value.signer) {
      ctx.addIssue({ code: 'custom', path: ['signer'], message: 'signer (the leader who signs off) is required' });
    }
    if (value.action === 'reassign' && !value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to (the reviewer who takes the claim over) is required' });
    }
  });

const idempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice');

/** Headers of a command on an existing item. */
export const commandHeaders = z.object({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The ETag the caller last saw (`"N"`): the command applies only to that version, 412 otherwise; `*` matches any'),
  'idempotency-key': idempotencyKey,
});

/** Headers of a create: nothing to match yet. */
export const createHeaders = z.object({ 'idempotency-key': idempotencyKey });

export const submissionSchema = z
  .object({
    id: z.uuid(),
    unitCode: z.string(),
    unitName: z.string(),
    title: z.string(),
    body: z.string(),
    eventDate: z.string(),
    major: z.boolean(),
    kind: z.enum(ITEM_KINDS),
    wechatUrl: z.string().nullable(),
    state: z.enum(STATES),
    version: z.number().int(),
    late: z.boolean(),
    dueAt: z.string(),
    staleAt: z.string(),
    deadlineProvisional: z.boolean().describe('due date counted Monday–Friday: the calendar lacks a year'),
    submittedAt: z.string().nullable(),
    adoptedAt: z.string().nullable(),
    nationalAdoptedAt: z.string().nullable(),
    signer: z.string().nullable(),
    signedAt: z.string().nullable(),
    claimedBy: z.string().nullable(),
    claimedByName: z.string().nullable().describe('display name of the reviewer who holds the claim'),
    commissionId: z.string().nullable().describe('the commission (约稿) this item answers, or null'),
    gates: gatesObject.nullable().describe('the five checks (五关) as confirmed at the last sign-off; null before any'),
    decision: z
      .object({ action: z.string(), reason: z.string().nullable(), by: personRef, at: z.string() })
      .nullable()
      .describe('the last decision on the item (sign_off, return, recall, adopt, reject, return_for_revision, forward_national, national outcome); null before any'),
    createdAt: z.string(),
    updatedAt: z.string(),
    allowedActions: z.array(z.string()),
    checks: z
      .array(z.object({ code: z.string(), severity: z.enum(['error', 'warning']), field: z.string(), message: z.string() }))
      .optional()
      .describe('after request_signoff or sign_off: the warnings of the quality checks'),
  })
  .meta({ id: 'Submission' });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page'),
  cursor: z.string().max(500).optional().describe('`nextCursor` of the previous page; none for the first page'),
});

/** A yes/no query parameter: `true` or `false`, nothing else. */
export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Words to find in titles and bodies, separated by spaces: each must occur (substring, case-insensitive; 1 character or more)'),
  state: z.enum(STATES).optional().describe('Only items in this state'),
  unitCode: z.string().max(20).optional().describe('Only this unit’s items (its code, e.g. 150600)'),
  from: dateString.optional().describe('Only items whose event date is on or after this day'),
  to: dateString.optional().describe('Only items whose event date is on or before this day'),
});

export const taskQuery = pageQuery.extend({
  unitCode: z.string().max(20).optional().describe('Only this unit’s items'),
  state: z.enum(STATES).optional().describe('Only items in this state (of those the caller’s queue holds)'),
  late: booleanQuery.optional().describe('Only items past (true) or within (false) their reporting deadline'),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const historySchema = z.array(
  z.object({
    seq: z.number().int(),
    action: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    reason: z.string().nullable(),
    signer: z.string().nullable(),
    details: z
      .object({
        gates: gatesObject.partial().optional(),
        to: personRef.optional(),
        released: z.object({ id: z.string(), name: z.string().nullable() }).optional(),
        image: z.object({ id: z.string(), position: z.number().int().optional(), caption: z.string().nullable().optional() }).optional(),
        order: z.array(z.string()).optional(),
      })
      .nullable()
      .describe('what else the step carried: the gates of a sign-off, a claim’s new holder, the photo added, removed or moved'),
    text: z.string().nullable().describe('a comment’s text (action `comment`); null for every other step'),
    at: z.string(),
  }),
);

export const commentBody = z.object({ text: z.string().trim().min(1).max(2000) });

export const commentSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    author: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    state: z.string().describe('the item’s state when the comment was written'),
    at: z.string(),
  })
  .meta({ id: 'Comment' });

const lifecycleStates = z.array(z.object({ name: z.string(), label: z.string(), final: z.boolean(), tags: z.array(z.string()) }));

export const lifecycleSchema = z
  .object({
    states: lifecycleStates,
    actions: z.array(
      z.object({
        name: z.string(),
        label: z.string(),
        fields: z.array(z.enum(['reason', 'signer', 'to', 'gates'])),
        roles: z.array(z.string()),
      }),
    ),
    roles: z.array(z.object({ name: z.string(), label: z.string() })),
    gates: z.array(z.object({ name: z.enum(GATES), label: z.string() })),
    assignment: z
      .object({
        states: lifecycleStates,
        actions: z.array(z.object({ name: z.string(), label: z.string(), fields: z.array(z.literal('reason')), roles: z.array(z.string()) })),
      })
      .describe('a commission’s assignment (约稿): its states and steps, labelled the same way'),
  })
  .meta({ id: 'Lifecycle' });

export const unitsSchema = z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() }));
