import type { RuleUnit } from './types.ts';
import unitsFile from '../../db/units.json' with { type: 'json' };

/** Names the title rule needs: the region, every unit with its counties, the short forms to flag. */
export interface NameDirectory {
  regionName: string;
  units: RuleUnit[];
  shortForms: string[];
  /** Full names for the specific short forms (土左旗 → 土默特左旗; 扎旗 has two). */
  fullNamesOf: Record<string, string[]>;
}

export function nameDirectory(units: RuleUnit[]): NameDirectory {
  const flagged = unitsFile.shortFormsToFlag as { forms: string[]; fullNames: Record<string, string[]> };
  return {
    regionName: unitsFile.region.name,
    units,
    // Longest first, so that 科左中旗 is found before 中旗.
    shortForms: [...flagged.forms].sort((a, b) => b.length - a.length),
    fullNamesOf: flagged.fullNames,
  };
}
