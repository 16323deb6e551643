import type { ImageService } from '../services/images.ts';
import type { QualityGate } from '../services/submission-commands.ts';
import type { SubmissionRecord } from '../services/submission-record.ts';
import type { UnitDirectory } from '../services/unit-directory.ts';
import { runChecks } from './checker.ts';
import { nameDirectory } from './directory.ts';

/** The rulebook applied to an item as stored, its photos included. */
export function createQualityGate(images: ImageService, units: UnitDirectory): QualityGate {
  const names = nameDirectory(units.list);
  return {
    async run(record: SubmissionRecord, now: number) {
      const unit = units.get(record.unitCode);
      if (!unit) throw new Error(`unknown unit ${record.unitCode}`);
      return runChecks(
        {
          title: record.title,
          body: record.body,
          eventDate: record.eventDate,
          staleAt: record.staleAt.getTime(),
          wechatUrl: record.wechatUrl,
          unit,
          images: await images.facts(record.id),
          now,
          maxImageBytes: images.maxImageBytes,
        },
        names,
      );
    },
  };
}
