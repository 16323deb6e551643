import { runChecks } from './checker.ts';
import { nameDirectory } from './directory.ts';
import type { ImageFacts } from './image-rules.ts';
import type { CheckResult, RuleUnit } from './types.ts';

/** The stored fields of an item the rulebook looks at (the command service's record has them). */
export interface CheckedItem {
  id: string;
  unitCode: string;
  title: string;
  body: string;
  eventDate: string;
  staleAt: Date;
  wechatUrl: string | null;
}

/** Where the gate reads an item's photos (the image service). */
export interface PhotoFacts {
  facts(itemId: string): Promise<ImageFacts[]>;
  readonly maxImageBytes: number;
}

/** Where the gate finds units (the unit directory). */
export interface UnitLookup {
  readonly list: RuleUnit[];
  get(code: string): RuleUnit | undefined;
}

export interface QualityGate {
  run(item: CheckedItem, now: number): Promise<CheckResult[]>;
}

/**
 * The rulebook applied to an item as stored, its photos included. It depends on the services only
 * through the small interfaces above, so that `checks` imports nothing from `services`.
 */
export function createQualityGate(photos: PhotoFacts, units: UnitLookup): QualityGate {
  const names = nameDirectory(units.list);
  return {
    async run(item: CheckedItem, now: number) {
      const unit = units.get(item.unitCode);
      if (!unit) throw new Error(`unknown unit ${item.unitCode}`);
      return runChecks(
        {
          title: item.title,
          body: item.body,
          eventDate: item.eventDate,
          staleAt: item.staleAt.getTime(),
          wechatUrl: item.wechatUrl,
          unit,
          images: await photos.facts(item.id),
          now,
          maxImageBytes: photos.maxImageBytes,
        },
        names,
      );
    },
  };
}
