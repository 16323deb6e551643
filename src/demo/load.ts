import type { Actor } from '../../machines/submission.types.ts';
import { BOOTSTRAP_ADMIN } from '../../machines/actors.ts';
import { importSubmissions, type ImportResult } from '../services/historical-import.ts';
import type { Services } from '../services/index.ts';
import { createUser } from '../services/users.ts';
import { bulletinRecords } from './bulletin-2024.ts';
import { loadLiveItems } from './live-items.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from './people.ts';

/** External ids of the demo's history start with this: they cannot clash with a real import. */
export const DEMO_ID_PREFIX = 'demo-';

export interface DemoLoaded {
  people: Array<DemoPerson & { id: string; created: boolean }>;
  history: ImportResult;
  liveItems: number;
}

/** Finds or makes a demo person; one made here keeps the demo password (no change at first sign-in). */
async function demoPerson(services: Services, person: DemoPerson): Promise<{ actor: Actor; created: boolean }> {
  const { db, units, accounts, audit, clock } = services;
  const found = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'unit_code'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', person.login))
    .executeTakeFirst();
  if (found) return { actor: { id: found.id, name: found.name, role: found.role as Actor['role'], unitCode: found.unit_code }, created: false };
  const made = await createUser(
    db,
    units,
    { name: person.name, role: person.role, unitCode: person.unitCode, login: person.login, initialPassword: DEMO_PASSWORD },
    { accounts, audit, actorId: BOOTSTRAP_ADMIN.id },
  );
  // Demo only: the known password stays, so that the demo can be tried at once.
  await db.updateTable('users').set({ must_change_password: false, password_changed_at: new Date(clock()) }).where('id', '=', made.id).execute();
  return { actor: { id: made.id, name: made.name, role: person.role, unitCode: made.unitCode }, created: true };
}

/**
 * Loads the demo: its people, the 14 units' Jan–Jun 2024 history (the Q2 2024 bulletin's figures)
 * and a few live items. Running it again changes nothing: people are found by login name, history
 * rows by external id, and live items are made only while the demo editor has none.
 */
export async function loadDemo(services: Services): Promise<DemoLoaded> {
  const people: DemoLoaded['people'] = [];
  const actors = new Map<string, Actor>();
  for (const person of DEMO_PEOPLE) {
    const { actor, created } = await demoPerson(services, person);
    actors.set(person.role, actor);
    people.push({ ...person, id: actor.id, created });
  }
  const { db, units, calendar, deadlineRules: rules, clock } = services;
  const history = await importSubmissions({ db, units, calendar, rules, clock }, BOOTSTRAP_ADMIN, bulletinRecords(DEMO_ID_PREFIX));
  const liveItems = await loadLiveItems(services, actors.get('editor')!, actors.get('approver')!);
  return { people, history, liveItems };
}
