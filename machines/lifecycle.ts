import { submissionMachine } from './submission.machine.ts';
import { ACTION_FIELDS, ACTION_LABELS, GATE_LABELS, ROLE_LABELS, TIMELINE_ACTIONS, type ActionField, type TimelineAction } from './submission.labels.ts';
import { rolesFor } from './submission.runtime.ts';
import { ACTIONS, GATES, ROLES, STATES, type Action, type Gate, type Role } from './submission.types.ts';

/** The lifecycle as people read it: `GET /v1/lifecycle`, built from the machine and its label table. */
export interface LifecycleDescription {
  states: Array<{ name: string; label: string; final: boolean; tags: string[] }>;
  actions: Array<{ name: string; label: string; fields: ActionField[]; roles: string[] }>;
  roles: Array<{ name: string; label: string }>;
  gates: Array<{ name: Gate; label: string }>;
}

/** Who takes the steps that are not the machine's events (the machine's own say who may edit). */
const SERVICE_STEP_ROLES: Partial<Record<TimelineAction, readonly Role[]>> = {
  create: ['editor'],
  image_added: [...rolesFor('edit')],
  image_removed: [...rolesFor('edit')],
  images_reordered: [...rolesFor('edit')],
  comment: ROLES.filter((role) => role !== 'system'),
};

const rolesOf = (name: Action | TimelineAction): Role[] => {
  const roles = SERVICE_STEP_ROLES[name as TimelineAction] ?? [...rolesFor(name)];
  return ROLES.filter((role) => roles.includes(role));
};

export function describeLifecycle(): LifecycleDescription {
  return {
    states: STATES.map((name) => {
      const node = submissionMachine.states[name];
      return { name, label: (node.meta as { label: string }).label, final: node.type === 'final', tags: [...node.tags] };
    }),
    actions: [...ACTIONS, ...TIMELINE_ACTIONS.filter((name) => !(ACTIONS as readonly string[]).includes(name))].map((name) => ({
      name,
      label: ACTION_LABELS[name],
      fields: ACTION_FIELDS[name as Action] ?? [],
      roles: rolesOf(name),
    })),
    roles: ROLES.map((name) => ({ name, label: ROLE_LABELS[name] })),
    gates: GATES.map((name) => ({ name, label: GATE_LABELS[name] })),
  };
}
