import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface Unit {
  code: string;
  name: string;
  kind: 'league' | 'planned_city';
  counties: string[];
}

/** The reporting units, read once at start: they change only with a deployment. */
export class UnitDirectory {
  readonly list: Unit[];
  private readonly byCode: Map<string, Unit>;

  constructor(units: Unit[]) {
    this.list = units;
    this.byCode = new Map(units.map((u) => [u.code, u]));
  }

  static async load(db: Kysely<Database>): Promise<UnitDirectory> {
    const rows = await db.selectFrom('units').selectAll().orderBy('position').execute();
    return new UnitDirectory(rows.map(({ code, name, kind, counties }) => ({ code, name, kind, counties })));
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  nameOf(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }
}
