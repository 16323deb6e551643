import type { NameDirectory } from './directory.ts';
import type { CheckResult, RuleUnit } from './types.ts';

const fail = (message: string): CheckResult[] => [{ code: 'title_prefix', severity: 'error', field: 'title', message }];

const quoteList = (names: string[]) => names.map((n) => `“${n}”`).join('或');

/**
 * 标题使用全称开头: the region, the unit's own full name, or one of its county-level divisions.
 * A short form (土左旗, 科右前旗, 开发区 …) is named with the full form to use instead.
 */
export function checkTitlePrefix(title: string, unit: RuleUnit, names: NameDirectory): CheckResult[] {
  const text = title.trim();
  const own = [names.regionName, unit.name, ...unit.counties];
  if (own.some((name) => text.startsWith(name))) return [];

  const otherUnit = names.units.find((u) => u.code !== unit.code && [u.name, ...u.counties].some((n) => text.startsWith(n)));
  if (otherUnit) {
    const name = [otherUnit.name, ...otherUnit.counties].find((n) => text.startsWith(n));
    return fail(`标题开头的“${name}”不属于${unit.name}，请以${unit.name}或其所辖旗县（市、区）的全称开头。`);
  }

  const short = names.shortForms.find((form) => text.startsWith(form));
  if (short) {
    const candidates = fullNamesFor(short, unit, names);
    const elsewhere = candidates.filter((name) => !unit.counties.includes(name));
    if (candidates.length > 0 && elsewhere.length === candidates.length) {
      const owners = elsewhere.map((name) => `“${name}”属于${names.units.find((u) => u.counties.includes(name))?.name ?? '其他盟市'}`);
      return fail(
        `标题不可使用简称“${short}”开头；其全称${owners.join('，')}，不属于${unit.name}。请以${unit.name}或其所辖旗县（市、区）的全称开头。`,
      );
    }
    if (candidates.length > 0) {
      return fail(`标题不可使用简称“${short}”开头，请改用行政区域全称${quoteList(candidates)}。`);
    }
    if (short === '开发区' || short === '高新区') {
      return fail(`标题不可以“${short}”开头，请改用其所在行政区域的全称，如“${unit.name}”或所辖旗县（市、区）全称。`);
    }
    return fail(`标题不可使用简称“${short}”开头，请改用行政区域全称，如“${unit.name}”或所辖旗县（市、区）全称。`);
  }
  return fail(`标题应以行政区域全称开头，如“${unit.name}”“${unit.counties[0] ?? names.regionName}”或“${names.regionName}”。`);
}

/** The full names a short form may stand for, the unit's own first. */
function fullNamesFor(short: string, unit: RuleUnit, names: NameDirectory): string[] {
  const known = names.fullNamesOf[short];
  if (known) {
    const inUnit = known.filter((n) => unit.counties.includes(n));
    return inUnit.length > 0 ? inUnit : known;
  }
  // A bare 左旗 / 前旗 …: the unit's counties that end with it.
  return unit.counties.filter((county) => county.endsWith(short));
}
