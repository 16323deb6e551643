import type { Actor } from './submission.types.ts';

/** Actors that are not people, seeded by migration 0001: deadline jobs act as the system. */
export const SYSTEM_ACTOR: Actor = { id: '00000000-0000-0000-0000-000000000000', name: 'system', role: 'system', unitCode: null };

/** The bootstrap admin token's actor (BOOTSTRAP_ADMIN_TOKEN). */
export const BOOTSTRAP_ADMIN: Actor = {
  id: '00000000-0000-0000-0000-000000000001',
  name: 'bootstrap admin',
  role: 'admin',
  unitCode: null,
};
