import { z } from 'zod';
import { FIRST_DATE, isCalendarDate, shanghaiDate, startOfDay } from '../time/shanghai.ts';
import type { UnitDirectory } from './unit-directory.ts';

/**
 * One record of the old portal, checked on its own: a bad row is answered by its index with a stable
 * code and a reason in Chinese, and never stops the others.
 */
export interface ImportRow {
  externalId: string;
  unitCode: string;
  title: string;
  body: string;
  eventDate: string;
  major: boolean;
  kind: 'news' | 'case';
  /** Times as epoch milliseconds. */
  submittedAt?: number;
  adoptedAt?: number;
  rejectedAt?: number;
  forwardedAt?: number;
  nationalAdoptedAt?: number;
  nationalDeclinedAt?: number;
}

export interface RowProblem {
  code: string;
  /** The column at fault, when there is one. */
  field?: string;
  message: string;
}

const TIME_FIELDS = ['submittedAt', 'adoptedAt', 'rejectedAt', 'forwardedAt', 'nationalAdoptedAt', 'nationalDeclinedAt'] as const;
type TimeField = (typeof TIME_FIELDS)[number];

const TIME_RULE = '应为带时区的 ISO 8601 时间，如 2024-05-03T09:00:00+08:00';

/** Each column's name in Chinese and, for a malformed value, what it should be. */
const FIELDS: Record<string, { label: string; rule: string }> = {
  externalId: { label: '旧平台编号', rule: '必填，最多200个字符' },
  unitCode: { label: '单位代码', rule: '必填' },
  title: { label: '标题', rule: '必填，最多500个字符' },
  body: { label: '正文', rule: '最多50000个字符' },
  eventDate: { label: '事件日期', rule: '应为真实的日历日期，格式 YYYY-MM-DD' },
  major: { label: '是否重大活动', rule: '应为 是/否、true/false 或 1/0' },
  kind: { label: '类型', rule: '应为 news（信息）或 case（案例征集）' },
  submittedAt: { label: '报送时间', rule: TIME_RULE },
  adoptedAt: { label: '采用时间', rule: TIME_RULE },
  rejectedAt: { label: '不予采用时间', rule: TIME_RULE },
  forwardedAt: { label: '转报时间', rule: TIME_RULE },
  nationalAdoptedAt: { label: '中国计生协采用时间', rule: TIME_RULE },
  nationalDeclinedAt: { label: '中国计生协未采用时间', rule: TIME_RULE },
};

const labelOf = (field: string) => `${FIELDS[field]?.label ?? field}（${field}）`;

/** A spreadsheet may have turned a code into a number: read it back as the text it was. */
const numberAsText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const instant = z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional());
const flag = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const text = v.trim().toLowerCase();
  if (text === '') return undefined;
  return ['true', '1', 'yes', '是'].includes(text) ? true : ['false', '0', 'no', '否'].includes(text) ? false : v;
}, z.boolean().optional());

/** The columns as JSON or CSV send them. Times are ISO 8601 with an offset. */
const rowSchema = z.object({
  externalId: z.preprocess(numberAsText, z.string().trim().min(1).max(200)),
  unitCode: z.preprocess(numberAsText, z.string().trim().min(1)),
  title: z.string().trim().min(1).max(500),
  body: z.string().max(50_000).optional().default(''),
  // A real date here; its range is checked below, to answer date_out_of_range rather than invalid_row.
  eventDate: z.string().refine(isCalendarDate),
  major: flag,
  kind: z.preprocess(blankToUndefined, z.enum(['news', 'case']).optional()),
  submittedAt: instant,
  adoptedAt: instant,
  rejectedAt: instant,
  forwardedAt: instant,
  nationalAdoptedAt: instant,
  nationalDeclinedAt: instant,
});

/**
 * Text Postgres cannot store: a NUL character, or a lone UTF-16 surrogate (which JSON can carry
 * but no database text can).
 */
function textProblem(raw: Record<string, unknown>): RowProblem | undefined {
  for (const field of Object.keys(FIELDS)) {
    const value = raw[field];
    if (typeof value !== 'string') continue;
    if (value.includes('\u0000')) {
      return { code: 'nul_character', field, message: `${labelOf(field)}含有空字符（NUL），无法保存` };
    }
    if (!value.isWellFormed()) {
      return { code: 'malformed_text', field, message: `${labelOf(field)}含有无效的 Unicode 字符（孤立的代理项），无法保存` };
    }
  }
  return undefined;
}

const TIME_NAMES: Record<TimeField, string> = {
  submittedAt: '报送',
  adoptedAt: '采用',
  rejectedAt: '不予采用',
  forwardedAt: '转报',
  nationalAdoptedAt: '中国计生协采用',
  nationalDeclinedAt: '中国计生协未采用',
};

/**
 * Checks one raw row against the columns, the calendar bounds (2000-01-01 to now, Asia/Shanghai),
 * the unit directory and the order of its own times. `now` is the service's clock.
 */
export function checkRow(raw: unknown, units: UnitDirectory, now: number): { row: ImportRow } | { problem: RowProblem } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problem: { code: 'invalid_row', message: '每一行应为一个对象（JSON）或一行带表头的 CSV 记录' } };
  }
  const text = textProblem(raw as Record<string, unknown>);
  if (text) return { problem: text };
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0].path[0] ?? '');
    const rule = FIELDS[field]?.rule ?? '格式不正确';
    if (!field) return { problem: { code: 'invalid_row', message: '该行格式不正确' } };
    return { problem: { code: 'invalid_row', field, message: `${labelOf(field)}${rule}` } };
  }
  const data = parsed.data;
  const today = shanghaiDate(now);
  if (data.eventDate < FIRST_DATE || data.eventDate > today) {
    return {
      problem: {
        code: 'date_out_of_range',
        field: 'eventDate',
        message: `${labelOf('eventDate')} ${data.eventDate} 超出范围：应在 ${FIRST_DATE} 至今天（${today}）之间`,
      },
    };
  }
  const row: ImportRow = {
    externalId: data.externalId,
    unitCode: data.unitCode,
    title: data.title,
    body: data.body,
    eventDate: data.eventDate,
    major: data.major ?? false,
    kind: data.kind ?? 'news',
  };
  for (const field of TIME_FIELDS) {
    const value = data[field];
    if (value === undefined) continue;
    const ms = Date.parse(value);
    if (!(ms >= startOfDay(FIRST_DATE) && ms <= now)) {
      return {
        problem: {
          code: 'date_out_of_range',
          field,
          message: `${labelOf(field)} ${value} 超出范围：应在 ${FIRST_DATE} 之后，且不晚于当前时间`,
        },
      };
    }
    row[field] = ms;
  }
  if (!units.get(row.unitCode)) {
    return { problem: { code: 'unknown_unit', field: 'unitCode', message: `没有代码为 ${row.unitCode} 的报送单位` } };
  }
  const outcome = outcomeProblem(row);
  return outcome ? { problem: outcome } : { row };
}

/** Whether the row's outcomes can all be true together, and its times come in the lifecycle's order. */
function outcomeProblem(row: ImportRow): RowProblem | undefined {
  const { submittedAt, adoptedAt, rejectedAt, forwardedAt, nationalAdoptedAt, nationalDeclinedAt } = row;
  if (adoptedAt !== undefined && rejectedAt !== undefined) {
    return { code: 'conflicting_outcome', message: '同一条信息不能既被采用又不予采用（adoptedAt 与 rejectedAt 只能有一个）' };
  }
  if (nationalAdoptedAt !== undefined && nationalDeclinedAt !== undefined) {
    return {
      code: 'conflicting_outcome',
      message: '同一条信息不能既被中国计生协采用又未被采用（nationalAdoptedAt 与 nationalDeclinedAt 只能有一个）',
    };
  }
  if ((adoptedAt !== undefined || rejectedAt !== undefined) && submittedAt === undefined) {
    return { code: 'missing_time', field: 'submittedAt', message: '有采用或不予采用时间，却没有报送时间（submittedAt）' };
  }
  const national = nationalAdoptedAt ?? nationalDeclinedAt;
  if ((forwardedAt !== undefined || national !== undefined) && adoptedAt === undefined) {
    return { code: 'missing_time', field: 'adoptedAt', message: '有转报或中国计生协的结果，却没有采用时间（adoptedAt）' };
  }
  if (forwardedAt !== undefined && national === undefined) {
    // Imported items are history: none may wait in a reviewer's queue for an answer.
    return {
      code: 'national_outcome_missing',
      field: 'forwardedAt',
      message: '已转报中国计生协，却没有其结果：导入的信息不进入任何待办队列，请补上 nationalAdoptedAt 或 nationalDeclinedAt 后再导入',
    };
  }
  const order: Array<[TimeField, number | undefined]> = [
    ['submittedAt', submittedAt],
    [adoptedAt !== undefined ? 'adoptedAt' : 'rejectedAt', adoptedAt ?? rejectedAt],
    ['forwardedAt', forwardedAt],
    [nationalAdoptedAt !== undefined ? 'nationalAdoptedAt' : 'nationalDeclinedAt', national],
  ];
  let previous: [TimeField, number] | null = null;
  for (const [field, value] of order) {
    if (value === undefined) continue;
    if (previous && value < previous[1]) {
      return {
        code: 'inconsistent_times',
        field,
        message: `${TIME_NAMES[field]}时间（${field}）早于${TIME_NAMES[previous[0]]}时间（${previous[0]}）`,
      };
    }
    previous = [field, value];
  }
  if (submittedAt !== undefined && submittedAt < startOfDay(row.eventDate)) {
    return { code: 'inconsistent_times', field: 'submittedAt', message: '报送时间（submittedAt）早于事件日期' };
  }
  return undefined;
}
