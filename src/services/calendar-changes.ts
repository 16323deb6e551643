import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { statesTagged } from '../../machines/submission.runtime.ts';
import { announceChange } from '../change-feed.ts';
import { startOfDay } from '../time/shanghai.ts';
import type { SubmissionCommands } from './submission-commands.ts';

/**
 * After an admin changed the calendar: every process reloads it (the change feed, this one too),
 * and items that still have deadlines and whose reporting window holds the changed day (or whose
 * deadline was counted without calendar data) get them recomputed, through the command service, so
 * that the history says so and the jobs are scheduled again.
 */
export async function rescheduleAfterCalendarChange(
  db: Kysely<Database>,
  commands: SubmissionCommands,
  changed: { day: string } | { year: number },
): Promise<number> {
  await announceChange(db, { kind: 'calendar' });
  let query = db.selectFrom('items').select('id').where('state', 'in', statesTagged('deadlines'));
  if ('day' in changed) {
    const dayStart = new Date(startOfDay(changed.day));
    query = query.where((eb) =>
      eb.or([eb('deadline_provisional', '=', true), eb.and([eb('event_date', '<', changed.day), eb('due_at', '>=', dayStart)])]),
    );
  } else {
    query = query.where('deadline_provisional', '=', true);
  }
  let moved = 0;
  for (const { id } of await query.execute()) if (await commands.reschedule(id)) moved += 1;
  return moved;
}
