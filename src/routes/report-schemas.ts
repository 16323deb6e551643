import { z } from 'zod';

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

export const bulletinSchema = z
  .object({
    year: z.number().int(),
    quarter: z.number().int(),
    from: z.string(),
    to: z.string(),
    totals: totals.extend({ adoptionRate: z.number().nullable() }),
    topSubmitted: listed,
    topAdopted: listed,
    topScore: listed,
    nationalAdoptions: listed,
    text: z.string().describe('一、信息报送总体情况'),
    periodTable: periodReportSchema,
    scoreTable: scoreReportSchema,
  })
  .meta({ id: 'Bulletin' });

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
