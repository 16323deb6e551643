import type { Kysely, Selectable } from 'kysely';
import type { BulletinsTable, Database } from '../../db/database.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { shanghaiDate } from '../time/shanghai.ts';
import { buildBulletin, periodNotStarted, type BulletinFigures } from './reports/bulletin.ts';
import type { BulletinSections } from './reports/bulletin-docx.ts';
import { bulletinFile, reportRules, type FileKind, type ReportFile } from './reports/bulletin-files.ts';
import { bulletinTitle } from './reports/bulletin-text.ts';
import { chineseDate, type ReportPeriod } from './reports/periods.ts';
import type { TableOptions } from './reports/table-specs.ts';
import type { UnitDirectory } from './unit-directory.ts';

type Row = Selectable<BulletinsTable>;

export interface BulletinPatch {
  sections?: Partial<BulletinSections>;
  contact?: Partial<{ name: string; phone: string }>;
  extraAttachments?: string[];
}

/** A figure that differs between an issued bulletin and the same period counted again today. */
export interface FigureDifference {
  table: 'period' | 'score';
  unitCode: string;
  unitName: string;
  field: string;
  issued: number;
  now: number;
}

/** What a new bulletin starts with: the contact and the standing attachments from the settings. */
export function bulletinDefaults(config: Config) {
  return {
    contact: { name: config.BULLETIN_CONTACT_NAME, phone: config.BULLETIN_CONTACT_PHONE },
    extraAttachments: config.BULLETIN_ATTACHMENTS.split('|').map((t) => t.trim()).filter(Boolean),
  };
}

export const bulletinNotFound = () => new AppError(404, 'not_found', '通报不存在');
const issuedAlready = (row: Row) =>
  new AppError(409, 'bulletin_issued', `该通报已于${chineseDate(row.issued_on!)}印发，内容和数字不能再修改`, { issuedOn: row.issued_on });

/**
 * Bulletins (通报) as documents with a life: a draft for a period whose figures follow the data, the
 * sections a manager writes, then `issue`, which freezes the figures with the 印发 date and number.
 */
export class Bulletins {
  private readonly db: Kysely<Database>;
  private readonly units: UnitDirectory;
  private readonly config: Config;
  private readonly clock: () => number;

  constructor(deps: { db: Kysely<Database>; units: UnitDirectory; config: Config; clock: () => number }) {
    this.db = deps.db;
    this.units = deps.units;
    this.config = deps.config;
    this.clock = deps.clock;
  }

  private today(): string {
    return shanghaiDate(this.clock());
  }

  async create(period: ReportPeriod, actorId: string): Promise<Row> {
    if (this.today() < period.from) throw periodNotStarted(period);
    const now = new Date(this.clock());
    const defaults = bulletinDefaults(this.config);
    return this.db
      .insertInto('bulletins')
      .values({
        year: period.year,
        quarter: period.quarter,
        period_from: period.from,
        period_to: period.to,
        status: 'draft',
        sections: JSON.stringify({ problems: '', requirements: '', closing: '' }),
        contact: JSON.stringify(defaults.contact),
        extra_attachments: JSON.stringify(defaults.extraAttachments),
        created_by: actorId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async get(id: string): Promise<Row> {
    const row = await this.db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw bulletinNotFound();
    return row;
  }

  async list(year: number, includeDrafts: boolean): Promise<Row[]> {
    let query = this.db.selectFrom('bulletins').selectAll().where('year', '=', year);
    if (!includeDrafts) query = query.where('status', '=', 'issued');
    return query.orderBy('period_from').orderBy('created_at').execute();
  }

  async patch(id: string, patch: BulletinPatch): Promise<Row> {
    const row = await this.get(id);
    if (row.status === 'issued') throw issuedAlready(row);
    const updated = await this.db
      .updateTable('bulletins')
      .set({
        sections: JSON.stringify({ ...row.sections, ...patch.sections }),
        contact: JSON.stringify({ ...row.contact, ...patch.contact }),
        extra_attachments: JSON.stringify(patch.extraAttachments ?? row.extra_attachments),
        updated_at: new Date(this.clock()),
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    // Issued or edited by someone else in between: answer from what is there now.
    if (!updated) return this.patch(id, patch);
    return updated;
  }

  /** Freezes the bulletin: its figures as of the 印发 date (or the period's end), its date and number. */
  async issue(id: string, actorId: string, options: { issuedOn?: string; number?: string }): Promise<Row> {
    const row = await this.get(id);
    if (row.status === 'issued') {
      throw new AppError(409, 'bulletin_already_issued', `该通报已于${chineseDate(row.issued_on!)}印发，不能再次印发`, { issuedOn: row.issued_on });
    }
    const missing = (['problems', 'requirements'] as const).filter((key) => !row.sections[key].trim());
    if (missing.length) {
      throw new AppError(422, 'bulletin_incomplete', '印发前请先撰写“存在的突出问题”和“下一步工作要求”', { missing: missing.map((m) => `sections.${m}`) });
    }
    const today = this.today();
    const issuedOn = options.issuedOn ?? today;
    if (issuedOn > today) throw new AppError(422, 'issued_on_in_future', `印发日期${chineseDate(issuedOn)}晚于今天（${chineseDate(today)}）`, { issuedOn, today });
    if (issuedOn < row.period_from) {
      throw new AppError(422, 'issued_before_period', `印发日期${chineseDate(issuedOn)}早于统计期间的开始（${chineseDate(row.period_from)}）`, { issuedOn });
    }
    const figures = await this.figuresAsOf(row, issuedOn);
    const issued = await this.db
      .updateTable('bulletins')
      .set({
        status: 'issued',
        issued_on: issuedOn,
        number: options.number ?? null,
        issued_by: actorId,
        issued_at: new Date(this.clock()),
        updated_at: new Date(this.clock()),
        figures: JSON.stringify(figures),
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    return issued ?? this.issue(id, actorId, options);
  }

  private async figuresAsOf(row: Row, day: string): Promise<BulletinFigures> {
    return buildBulletin(this.db, this.units, periodOfRow(row), day, await reportRules(this.db, row.year));
  }

  /**
   * What the bulletin shows: a draft's figures counted now; an issued one's as frozen, with the
   * same period counted again now beside it and every figure that differs.
   */
  async view(row: Row) {
    if (row.status === 'draft') return { row, figures: await this.figuresAsOf(row, this.today()), rerun: null };
    const figures = row.figures as BulletinFigures;
    const now = await this.figuresAsOf(row, figures.asOf);
    const differences = [...compare('period', figures.periodTable.rows, now.periodTable.rows), ...compare('score', figures.scoreTable.rows, now.scoreTable.rows)];
    return { row, figures, rerun: { asOf: now.asOf, differs: differences.length > 0, differences, totals: now.totals } };
  }

  async file(row: Row, kind: FileKind, options: TableOptions): Promise<ReportFile> {
    const { figures } = await this.view(row);
    return bulletinFile(
      {
        figures,
        sections: row.sections,
        contact: row.contact,
        extraAttachments: row.extra_attachments,
        issuer: this.config.BULLETIN_ISSUER,
        date: row.issued_on ?? this.today(),
        number: row.number,
      },
      kind,
      options,
    );
  }
}

export function periodOfRow(row: Row): ReportPeriod {
  return { year: row.year, quarter: row.quarter, from: row.period_from, to: row.period_to };
}

export const titleOfRow = (row: Row) => bulletinTitle(periodOfRow(row));

const COMPARED = {
  period: ['submitted', 'adopted', 'nationalAdopted'],
  score: ['submitted', 'adopted', 'nationalAdopted', 'submittedPoints', 'adoptedPoints', 'nationalAdoptedPoints', 'total'],
} as const;

function compare(table: 'period' | 'score', issued: Array<Record<string, any>>, now: Array<Record<string, any>>): FigureDifference[] {
  const current = new Map(now.map((r) => [r.unitCode as string, r]));
  const differences: FigureDifference[] = [];
  for (const row of issued) {
    const again = current.get(row.unitCode);
    for (const field of COMPARED[table]) {
      const value = again?.[field] ?? 0;
      if (value !== row[field]) differences.push({ table, unitCode: row.unitCode, unitName: row.unitName, field, issued: row[field], now: value });
    }
  }
  return differences;
}
