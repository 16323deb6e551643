/** The languages people read the API's messages in: Chinese unless the caller asks for English. */
export type Language = 'zh' | 'en';

const SUPPORTED: readonly Language[] = ['zh', 'en'];

/**
 * The caller's language from `Accept-Language` (RFC 9110 §12.5.4): the supported language with the
 * highest weight, a range matching by its primary tag (`en-GB` is English, `zh-Hans-CN` Chinese).
 * No header, `*`, or only other languages: Chinese.
 */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'zh';
  let best: { language: Language; weight: number } | undefined;
  for (const part of value.split(',')) {
    const [range, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const language = SUPPORTED.find((l) => range === l || range.startsWith(`${l}-`));
    if (language && Number.isFinite(weight) && weight > 0 && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language ?? 'zh';
}
