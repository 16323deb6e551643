import { run, type Options } from 'zhlint';
import { SOURCE_LINE } from './text-rules.ts';
import type { CheckResult } from './types.ts';

/**
 * zhlint, set for official Chinese style (公文): full-width punctuation and brackets in Chinese text,
 * no stray spaces around them. Its default preset is for technical documents and is wrong here:
 * it turns （） into (), and wants spaces between Chinese and Latin text.
 */
const OFFICIAL_STYLE: Options = {
  rules: {
    fullwidthPunctuation: '，。：；？！“”‘’（）',
    unifiedPunctuation: 'simplified',
    noSpaceBeforePauseOrStop: true,
    noSpaceAfterFullwidthPauseOrStop: true,
    noSpaceOutsideFullwidthQuotation: true,
    noSpaceInsideQuotation: true,
    noSpaceOutsideFullwidthBracket: true,
    noSpaceInsideBracket: true,
    skipPureWestern: true,
  },
  // Plain text: no Markdown or Hexo parsing.
  hyperParse: [],
};

const MAX_PER_FIELD = 10;
const PAIRS: Array<[string, string]> = [
  ['（', '）'],
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['【', '】'],
];

function snippet(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 6);
  const end = Math.min(text.length, index + Math.max(length, 1) + 6);
  return text.slice(start, end).replace(/\s+/gu, ' ');
}

/** Brackets and quotes that open and close in equal numbers; zhlint does not look at pairing. */
function unbalancedPairs(text: string, field: string, label: string): CheckResult[] {
  const results: CheckResult[] = [];
  for (const [open, close] of PAIRS) {
    let depth = 0;
    let firstUnmatched = -1;
    for (let i = 0; i < text.length; i += 1) {
      if (text[i] === open) depth += 1;
      else if (text[i] === close) {
        depth -= 1;
        if (depth < 0 && firstUnmatched < 0) firstUnmatched = i;
      }
    }
    if (depth !== 0 || firstUnmatched >= 0) {
      results.push({
        code: 'punctuation',
        severity: 'warning',
        field,
        message: `${label}中的“${open}${close}”不成对，请检查。`,
      });
    }
  }
  return results;
}

function lint(text: string, field: string, label: string): CheckResult[] {
  if (!text.trim()) return [];
  const { validations } = run(text, OFFICIAL_STYLE);
  const found = validations.slice(0, MAX_PER_FIELD).map((v) => ({
    code: 'punctuation',
    severity: 'warning' as const,
    field,
    message: `${label}“${snippet(text, v.index, v.length)}”处：${v.message}。`,
  }));
  return [...found, ...unbalancedPairs(text, field, label)];
}

/** Punctuation in the title and the body (the source line keeps its spaces: 张三 供稿). */
export function checkPunctuation(title: string, body: string): CheckResult[] {
  return [...lint(title, 'title', '标题'), ...lint(body.replace(SOURCE_LINE, ''), 'body', '正文')];
}
