import type { Role } from '../../machines/submission.types.ts';

/**
 * The demo's people: one per role, all signing in with the same known password, which they need
 * not change (a demo install only: on a real one, disable these accounts).
 */
export const DEMO_PASSWORD = 'nmg-demo-2024';

/** The unit the demo's editor and approver belong to (its items fill the pipeline). */
export const DEMO_UNIT = '150600';

export interface DemoPerson {
  login: string;
  name: string;
  role: Exclude<Role, 'system'>;
  unitCode?: string;
  /** What the person sees first, for the printed table. */
  sees: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { login: 'demo-editor', name: '演示撰稿员', role: 'editor', unitCode: DEMO_UNIT, sees: 'own unit drafts; write and submit items' },
  { login: 'demo-approver', name: '演示审签人', role: 'approver', unitCode: DEMO_UNIT, sees: 'one item awaiting sign-off' },
  { login: 'demo-reviewer', name: '演示自治区编辑', role: 'reviewer', sees: 'submitted items in the review inbox' },
  { login: 'demo-manager', name: '演示管理人员', role: 'manager', sees: 'pipeline, reports, the Q2 2024 bulletin' },
  { login: 'demo-admin', name: '演示管理员', role: 'admin', sees: 'users, calendar, scoring rules, import' },
];
