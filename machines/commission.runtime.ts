import { getNextTransitions, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { rolesInGuard } from './guard-roles.ts';
import { assignmentMachine } from './commission.machine.ts';
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATES,
  type AssignmentAction,
  type AssignmentContext,
  type AssignmentEffect,
  type AssignmentEvent,
  type AssignmentInput,
  type AssignmentState,
  type AssignmentTag,
} from './commission.types.ts';
import { UNIT_SCOPED_ROLES, type Actor } from './submission.types.ts';

export type AssignmentSnapshot = SnapshotFrom<typeof assignmentMachine>;

/** What is stored in `assignments.snapshot`. */
export interface PersistedAssignment {
  value: AssignmentState;
  context: AssignmentContext;
}

export function createAssignment(input: AssignmentInput): AssignmentSnapshot {
  return initialTransition(assignmentMachine, input)[0];
}

export const persistAssignment = (snapshot: AssignmentSnapshot): PersistedAssignment => ({
  value: snapshot.value as AssignmentState,
  context: snapshot.context,
});

export const restoreAssignment = (persisted: PersistedAssignment): AssignmentSnapshot =>
  assignmentMachine.resolveState({ value: persisted.value, context: persisted.context });

export type AssignmentOutcome =
  | { ok: true; snapshot: AssignmentSnapshot; from: AssignmentState; to: AssignmentState; effects: AssignmentEffect[] }
  | { ok: false; refusal: 'forbidden' | 'invalid_transition' | 'reason_required' };

/** Applies one event; a refusal says whether the role or the state stood in the way. */
export function applyAssignmentEvent(snapshot: AssignmentSnapshot, event: AssignmentEvent): AssignmentOutcome {
  const from = snapshot.value as AssignmentState;
  const [next, actions] = transition(assignmentMachine, snapshot, event);
  if (next === snapshot && !snapshot.can(event)) return { ok: false, refusal: explain(snapshot, event) };
  const effects = actions
    .filter((action) => action.type === 'notify')
    .map((action) => ({ type: 'notify', ...(action.params as object) }) as AssignmentEffect);
  return { ok: true, snapshot: next, from, to: next.value as AssignmentState, effects };
}

function explain(snapshot: AssignmentSnapshot, event: AssignmentEvent): 'forbidden' | 'invalid_transition' | 'reason_required' {
  const otherUnit = UNIT_SCOPED_ROLES.has(event.actor.role) && event.actor.unitCode !== snapshot.context.unitCode;
  if (!rolesForAssignment(event.type).has(event.actor.role) || otherUnit) return 'forbidden';
  if ('reason' in event && snapshot.can({ ...event, reason: '-' })) return 'reason_required';
  return 'invalid_transition';
}

/** The actions this actor may take now (for the API's `allowedActions`). */
export function allowedAssignmentActions(snapshot: AssignmentSnapshot, actor: Actor, now: number): AssignmentAction[] {
  const candidates = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  return ASSIGNMENT_ACTIONS.filter((type) => candidates.has(type) && snapshot.can({ type, actor, now, reason: '-' } as AssignmentEvent));
}

export function assignmentStatesTagged(tag: AssignmentTag): AssignmentState[] {
  return ASSIGNMENT_STATES.filter((state) => assignmentMachine.states[state].tags.includes(tag));
}

export function assignmentStateLabel(state: AssignmentState): string {
  return (assignmentMachine.states[state].meta as { label: string }).label;
}

const rolesByEvent = new Map<string, Set<string>>();
for (const state of Object.values(assignmentMachine.root.states)) {
  for (const [eventType, definitions] of state.transitions) {
    for (const definition of definitions) {
      for (const roles of rolesInGuard<string>(definition.guard)) {
        const set = rolesByEvent.get(eventType) ?? new Set<string>();
        roles.forEach((role) => set.add(role));
        rolesByEvent.set(eventType, set);
      }
    }
  }
}

/** Roles that may send this event in some state, read from the machine's `actorMay` guards. */
export function rolesForAssignment(type: string): ReadonlySet<string> {
  return rolesByEvent.get(type) ?? new Set();
}

