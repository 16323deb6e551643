import { assignmentMachine, REGION } from './commission.machine.ts';
import { ASSIGNMENT_ACTION_LABELS } from './commission.labels.ts';
import { rolesForAssignment } from './commission.runtime.ts';
import { ASSIGNMENT_EVENTS, ASSIGNMENT_STATES } from './commission.types.ts';
import { submissionMachine } from './submission.machine.ts';
import { ACTION_FIELDS, ACTION_LABELS, GATE_LABELS, ROLE_LABELS, TIMELINE_ACTIONS, type ActionField, type TimelineAction } from './submission.labels.ts';
import { rolesFor } from './submission.runtime.ts';
import { ACTIONS, GATES, ROLES, STATES, type Action, type Gate, type Role } from './submission.types.ts';

type StateDescription = { name: string; label: string; final: boolean; tags: string[] };

/** The lifecycle as people read it: `GET /v1/lifecycle`, built from the machines and their label tables. */
export interface LifecycleDescription {
  states: StateDescription[];
  actions: Array<{ name: string; label: string; fields: ActionField[]; roles: string[] }>;
  roles: Array<{ name: string; label: string }>;
  gates: Array<{ name: Gate; label: string }>;
  /** A commission's assignment (约稿): its states and steps, the same way. */
  assignment: {
    states: StateDescription[];
    actions: Array<{ name: string; label: string; fields: Array<'reason'>; roles: string[] }>;
  };
}

/** A state node as people read it: the label in its `meta`, whether it is final, its tags. */
const stateOf = (name: string, node: { meta?: unknown; type: string; tags: Iterable<string> }): StateDescription => ({
  name,
  label: (node.meta as { label: string }).label,
  final: node.type === 'final',
  tags: [...node.tags],
});

/** Assignment steps whose body carries a reason (the machine's `hasReason` guard). */
const ASSIGNMENT_REASONED: ReadonlySet<string> = new Set(['decline', 'refuse_decline']);

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
    states: STATES.map((name) => stateOf(name, submissionMachine.states[name])),
    actions: [...ACTIONS, ...TIMELINE_ACTIONS.filter((name) => !(ACTIONS as readonly string[]).includes(name))].map((name) => ({
      name,
      label: ACTION_LABELS[name],
      fields: ACTION_FIELDS[name as Action] ?? [],
      roles: rolesOf(name),
    })),
    roles: ROLES.map((name) => ({ name, label: ROLE_LABELS[name] })),
    gates: GATES.map((name) => ({ name, label: GATE_LABELS[name] })),
    assignment: {
      states: ASSIGNMENT_STATES.map((name) => stateOf(name, assignmentMachine.states[name])),
      actions: (['create', ...ASSIGNMENT_EVENTS] as const).map((name) => ({
        name,
        label: ASSIGNMENT_ACTION_LABELS[name],
        fields: ASSIGNMENT_REASONED.has(name) ? ['reason' as const] : [],
        roles: ROLES.filter((role) => (name === 'create' ? REGION.includes(role) : rolesForAssignment(name).has(role))),
      })),
    },
  };
}
