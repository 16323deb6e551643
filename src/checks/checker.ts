import type { NameDirectory } from './directory.ts';
import { checkImageCaptions, checkImageCount, checkImageResolution, checkImageType, type ImageFacts } from './image-rules.ts';
import { checkPunctuation } from './punctuation.ts';
import { checkTitlePrefix } from './title-prefix.ts';
import { checkEventDate, checkSourceLine, checkWechatUrl } from './text-rules.ts';
import type { CheckResult, RuleUnit } from './types.ts';

export interface CheckInput {
  title: string;
  body: string;
  eventDate: string;
  staleAt: number;
  wechatUrl: string | null;
  unit: RuleUnit;
  images: ImageFacts[];
  now: number;
  maxImageBytes: number;
}

/** Every rule of the rulebook (附件3), errors first. */
export function runChecks(input: CheckInput, names: NameDirectory): CheckResult[] {
  const results = [
    ...checkTitlePrefix(input.title, input.unit, names),
    ...checkImageCount(input.images),
    ...checkImageResolution(input.images),
    ...checkImageType(input.images, input.maxImageBytes),
    ...checkSourceLine(input.body, input.unit.name),
    ...checkEventDate(input.eventDate, input.staleAt, input.now),
    ...checkWechatUrl(input.wechatUrl, input.unit.name),
    ...checkPunctuation(input.title, input.body),
    ...checkImageCaptions(input.images),
  ];
  return [...results.filter((r) => r.severity === 'error'), ...results.filter((r) => r.severity === 'warning')];
}
