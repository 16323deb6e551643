/** Counts of one unit in a period: what every ordering and tie-break looks at. */
export interface UnitCounts {
  unitCode: string;
  unitName: string;
  submitted: number;
  adopted: number;
  nationalAdopted: number;
}

export type Ranked<T> = T & { rank: number };

/**
 * domain.md's ordering: by the table's own figure, descending; ties broken by national adoptions,
 * then adoptions, then submissions (descending), then unit code. Units with the same figure share
 * a rank (1, 2, 2, 4).
 */
export function rankBy<T extends UnitCounts>(rows: T[], figure: (row: T) => number): Ranked<T>[] {
  const sorted = [...rows].sort(
    (a, b) =>
      figure(b) - figure(a) ||
      b.nationalAdopted - a.nationalAdopted ||
      b.adopted - a.adopted ||
      b.submitted - a.submitted ||
      a.unitCode.localeCompare(b.unitCode),
  );
  const ranked: Ranked<T>[] = [];
  sorted.forEach((row, i) => {
    const tiedWithPrevious = i > 0 && figure(row) === figure(sorted[i - 1]);
    ranked.push({ ...row, rank: tiedWithPrevious ? ranked[i - 1].rank : i + 1 });
  });
  return ranked;
}

/** The top `n` by a figure: units ranked n or better with a figure above zero (a unit tied with the n-th is in). */
export function topN<T extends UnitCounts>(rows: T[], figure: (row: T) => number, n: number): Array<Ranked<T> & { value: number }> {
  return rankBy(rows, figure)
    .filter((row) => row.rank <= n && figure(row) > 0)
    .map((row) => ({ ...row, value: figure(row) }));
}
