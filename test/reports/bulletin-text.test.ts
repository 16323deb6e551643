import { describe, expect, it } from 'vitest';
import { overallSituation, praise, type ListedUnit, type TextFigures } from '../../src/services/reports/bulletin-text.ts';
import { quarterPeriod } from '../../src/services/reports/periods.ts';
import { breakTitle } from '../../src/services/reports/table-specs.ts';

const unit = (unitName: string, value: number, rank = 1): ListedUnit => ({ rank, unitCode: unitName, unitName, value });
const q4 = quarterPeriod(2024, 4);

function figures(over: Partial<TextFigures>): TextFigures {
  return {
    period: q4,
    asOf: '2024-12-31',
    totals: { submitted: 0, adopted: 0, nationalAdopted: 0 },
    topSubmitted: [],
    topAdopted: [],
    topScore: [],
    nationalAdoptions: [],
    ...over,
  };
}

describe('the paragraphs written from the figures', () => {
  it('names one unit with data alone: no "前6位", no "分别来自"', () => {
    const one = figures({
      totals: { submitted: 2, adopted: 1, nationalAdopted: 1 },
      topSubmitted: [unit('满洲里市', 2)],
      topAdopted: [unit('满洲里市', 1)],
      nationalAdoptions: [unit('满洲里市', 1)],
      topScore: [unit('满洲里市', 22)],
    });
    const text = overallSituation(one);
    expect(text).toBe(
      '据统计，2024年四季度各盟市、计划单列市计生协共报送信息2条，被采用1条。信息报送条数排名第一的是满洲里市（2条）。' +
        '信息采用条数排名第一的是满洲里市（1条）。其中，满洲里市（1条）优质信息或案例征集投稿被中国计生协采用。' +
        '截至四季度信息报送得分排名第一的是满洲里市（22分）。',
    );
    expect(text).not.toMatch(/前\d+位|分别来自/);
    expect(praise(one)).toBe('在此，对2024年四季度信息报送及采用情况排名第一的满洲里市予以通报表扬。');
  });

  it('says "截至11月27日" for a quarter not yet over, never its end', () => {
    const text = overallSituation(figures({ asOf: '2024-11-27', totals: { submitted: 3, adopted: 0, nationalAdopted: 0 }, topSubmitted: [unit('包头市', 2), unit('乌海市', 1, 2)], topScore: [unit('包头市', 6), unit('乌海市', 3, 2)] }));
    expect(text).toContain('据统计，截至11月27日，2024年四季度各盟市、计划单列市计生协共报送信息3条，被采用0条。');
    expect(text).toContain('信息报送条数排名前2位的盟市是：包头市（2条）、乌海市（1条）。暂无信息被采用。');
    expect(text).toContain('截至11月27日，本年度信息报送得分排名前2位的盟市是');
    expect(text).not.toContain('12月31日');
  });

  it('says "含并列" when a tie with the sixth lists seven units, and names no one when nothing was sent', () => {
    const seven = [95, 73, 69, 57, 47, 42, 42].map((v, i) => unit(`单位${i}`, v, i === 6 ? 6 : i + 1));
    const text = overallSituation(figures({ totals: { submitted: 425, adopted: 0, nationalAdopted: 0 }, topSubmitted: seven }));
    expect(text).toContain('信息报送条数排名前6位的盟市（含并列）是：单位0（95条）');
    expect(overallSituation(figures({}))).toBe('据统计，2024年四季度各盟市、计划单列市计生协暂未报送信息。');
    expect(praise(figures({}))).toBe('');
  });

  it('breaks a title only before its phrases, never leaving a word alone', () => {
    expect(breakTitle('关于2024年二季度信息报送及采用情况的通报', ['各盟市', '信息报送'], 19)).toEqual(['关于2024年二季度', '信息报送及采用情况的通报']);
    expect(breakTitle('关于2024年二季度信息报送及采用情况的通报', ['各盟市', '信息报送'], 21)).toEqual(['关于2024年二季度信息报送及采用情况的通报']);
    expect(breakTitle('2024年二季度各盟市、计划单列市计生协信息报送得分统计表', ['各盟市', '信息报送'], 19)).toEqual([
      '2024年二季度各盟市、计划单列市计生协',
      '信息报送得分统计表',
    ]);
  });
});
