import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '../time/shanghai.ts';
import { dateString, yearNumber } from './schemas.ts';

/** Response shapes of the reports, for validation of what we send and for the OpenAPI document. */

const unitCounts = {
  rank: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  submitted: z.number().int(),
  adopted: z.number().int(),
  nationalAdopted: z.number().int(),
};
const totals = z.object({ submitted: z.number().int(), adopted: z.number().int(), nationalAdopted: z.number().int() });

export const periodReportSchema = z
  .object({ from: z.string(), to: z.string(), rows: z.array(z.object(unitCounts)), totals })
  .meta({ id: 'PeriodReport' });

export const scoreReportSchema = z
  .object({
    year: z.number().int(),
    through: z.string(),
    rules: z.object({ submitted: z.number(), adopted: z.number(), nationalAdopted: z.number() }).nullable(),
    rows: z.array(
      z.object({
        ...unitCounts,
        submittedPoints: z.number().int(),
        adoptedPoints: z.number().int(),
        nationalAdoptedPoints: z.number().int(),
        total: z.number().int(),
      }),
    ),
    totals: totals.extend({ total: z.number().int() }),
  })
  .meta({ id: 'ScoreReport' });

const listed = z.array(z.object({ rank: z.number().int(), unitCode: z.string(), unitName: z.string(), value: z.number().int() }));

const bulletinFigures = {
  year: z.number().int(),
  quarter: z.number().int().nullable().describe('1..4, or null for a period that is not a calendar quarter'),
  from: z.string(),
  to: z.string(),
  asOf: z.string().describe('the last day counted: the period’s end, or the day the figures were taken while it was not over'),
  title: z.string(),
  periodName: z.string(),
  totals: totals.extend({ adoptionRate: z.number().nullable() }),
  topSubmitted: listed,
  topAdopted: listed,
  topScore: listed,
  nationalAdoptions: listed,
  text: z.string().describe('一、信息报送总体情况'),
  praise: z.string().describe('the 通报表扬 sentence'),
  periodTable: periodReportSchema,
  scoreTable: scoreReportSchema,
};

export const bulletinSchema = z.object(bulletinFigures).meta({ id: 'Bulletin' });

const sections = z.object({ problems: z.string(), requirements: z.string(), closing: z.string() });
const contact = z.object({ name: z.string(), phone: z.string() });

export const bulletinSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'issued']),
  title: z.string(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  issuedOn: z.string().nullable(),
  number: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const bulletinDocumentSchema = bulletinSummarySchema
  .extend({
    ...bulletinFigures,
    sections,
    contact,
    extraAttachments: z.array(z.string()),
    rerun: z
      .object({
        asOf: z.string(),
        differs: z.boolean(),
        totals: totals.extend({ adoptionRate: z.number().nullable() }),
        differences: z.array(
          z.object({
            table: z.enum(['period', 'score']),
            unitCode: z.string(),
            unitName: z.string(),
            field: z.string(),
            issued: z.number(),
            now: z.number(),
          }),
        ),
      })
      .nullable()
      .describe('an issued bulletin’s period counted again now, with every figure that differs from the frozen ones; null for a draft'),
  })
  .meta({ id: 'BulletinDocument' });

export const bulletinListSchema = z.object({ year: z.number().int(), bulletins: z.array(bulletinSummarySchema) });

/* Queries and bodies. */

const flag = z.stringbool().default(false);
/** The `format` of a report: JSON, or a file to download. */
const FORMAT = 'json (the default) or a file to download in this format';
/** What a request may add to the association's columns. */
export const tableOptions = { rank: flag.describe('add a 排名 column'), totals: flag.describe('add a 合计 row') };
const bothOrNeither = (q: { from?: string; to?: string }) => (q.from === undefined) === (q.to === undefined);
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

export const periodQuery = z
  .object({
    from: dateString.optional().describe('First day of the period (with to; the current quarter without both)'),
    to: dateString.optional().describe('Last day of the period (with from)'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json').describe(FORMAT),
    ...tableOptions,
  })
  .refine(bothOrNeither, { message: 'give both from and to, or neither for the current quarter', path: ['from'] })
  .refine(inOrder, { message: 'from must not be after to', path: ['from'] });

export const scoresQuery = z
  .object({
    year: yearNumber.optional().describe('The year counted (this year by default)'),
    through: dateString.optional().describe('Last day counted, within the year (today, or the year’s end, by default)'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json').describe(FORMAT),
    ...tableOptions,
  })
  .refine((q) => !q.through || !q.year || q.through.startsWith(`${q.year}-`), { message: 'through must lie in the year', path: ['through'] });

const quarterNumber = z.coerce.number().int().min(1).max(4);
const fileFormat = z.enum(['json', 'docx', 'xlsx', 'csv']).default('json').describe(FORMAT);

export const bulletinQuery = z.object({
  year: yearNumber.optional().describe('The year (this year by default)'),
  quarter: quarterNumber.optional().describe('The quarter, 1 to 4 (the current one this year, the fourth of another year, by default)'),
  format: fileFormat,
  ...tableOptions,
});

export const bulletinFileQuery = z.object({ format: fileFormat, ...tableOptions });

export const bulletinListQuery = z.object({ year: yearNumber.optional().describe('The year (this year by default)') });

export const createBulletinBody = z
  .object({ year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR).optional(), quarter: quarterNumber.optional(), from: dateString.optional(), to: dateString.optional() })
  .strict()
  .refine((b) => (b.year !== undefined && b.quarter !== undefined && b.from === undefined && b.to === undefined) || (b.year === undefined && b.quarter === undefined && b.from !== undefined && b.to !== undefined), {
    message: 'give {year, quarter} or {from, to}',
  })
  .refine(inOrder, { message: 'from must not be after to', path: ['from'] })
  .refine((b) => !b.from || !b.to || b.from.slice(0, 4) === b.to.slice(0, 4), { message: 'from and to must lie in one year (the score table counts from 1 January)', path: ['to'] });

const text = (max: number) => z.string().trim().max(max);

export const patchBulletinBody = z
  .object({
    sections: z.object({ problems: text(20_000), requirements: text(20_000), closing: text(10_000) }).partial().strict(),
    contact: z.object({ name: text(40), phone: text(40) }).partial().strict(),
    extraAttachments: z.array(text(100).min(1)).max(5),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'name at least one field to change' });

export const issueBulletinBody = z
  .object({ issuedOn: dateString.optional(), number: text(60).min(1).optional() })
  .strict()
  .default({});

const queue = z.object({
  state: z.string(),
  label: z.string(),
  count: z.number().int(),
  oldestSince: z.string().nullable(),
  oldestAgeHours: z.number().nullable(),
  late: z.number().int(),
  staleWithin2Days: z.number().int(),
});

export const pipelineSchema = z.object({
  asOf: z.string(),
  states: z.record(z.string(), z.number().int()),
  units: z.array(z.object({ unitCode: z.string(), unitName: z.string(), counts: z.record(z.string(), z.number().int()) })),
  queues: z.array(queue),
});

const duration = z.object({ count: z.number().int(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() });

export const flowSchema = z.object({
  from: z.string(),
  to: z.string(),
  transitions: z.array(z.object({ day: z.string(), action: z.string(), count: z.number().int() })),
  durations: z.object({ draftToSubmitted: duration, submittedToDecision: duration }),
  timeInState: z.array(z.object({ state: z.string(), stays: z.number().int(), averageHours: z.number().nullable() })),
  adoptionRate: z.array(
    z.object({ unitCode: z.string(), unitName: z.string(), submitted: z.number().int(), adopted: z.number().int(), rate: z.number().nullable() }),
  ),
});
