import { createActor, getNextTransitions, initialTransition, transition, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { rolesInGuard } from './guard-roles.ts';
import { ALL_GATES_CONFIRMED, effectsOf, isImportedStep, submissionMachine, unconfirmedGates } from './submission.machine.ts';
import {
  ACTIONS,
  STATES,
  type Action,
  type Actor,
  type Effect,
  type Gate,
  type Role,
  type StateTag,
  type SubmissionContext,
  type SubmissionEvent,
  type SubmissionInput,
  type SubmissionState,
} from './submission.types.ts';

export type SubmissionSnapshot = SnapshotFrom<typeof submissionMachine>;

/** What is stored in `items.snapshot`. */
export interface PersistedSubmission {
  value: SubmissionState;
  context: SubmissionContext;
}

export function createSubmission(input: SubmissionInput): { snapshot: SubmissionSnapshot; effects: Effect[] } {
  const [snapshot, actions] = initialTransition(submissionMachine, input);
  return { snapshot, effects: effectsOf(actions) };
}

export function persist(snapshot: SubmissionSnapshot): PersistedSubmission {
  return { value: snapshot.value as SubmissionState, context: snapshot.context };
}

export function restore(persisted: PersistedSubmission): SubmissionSnapshot {
  return submissionMachine.resolveState({ value: persisted.value, context: persisted.context });
}

export type Refusal =
  | { kind: 'forbidden' }
  | { kind: 'invalid_transition'; state: SubmissionState }
  | { kind: 'claimed'; claimedBy: string; claimedByName: string | null }
  | { kind: 'stale'; staleAt: number }
  | { kind: 'gates'; unconfirmed: Gate[] }
  | { kind: 'quality' };

export type Outcome =
  | { ok: true; snapshot: SubmissionSnapshot; from: SubmissionState; to: SubmissionState; effects: Effect[] }
  | { ok: false; refusal: Refusal };

type Actions = ReadonlyArray<{ type: string; params?: unknown }>;
/** One transition of the machine: the next snapshot and the actions it asks for. */
type Step = (snapshot: SubmissionSnapshot, event: SubmissionEvent) => readonly [SubmissionSnapshot, Actions];

const pureStep: Step = (snapshot, event) => transition(submissionMachine, snapshot, event);

/**
 * Applies one event. A refusal says why, so that the API can answer 403, 409 or 422 without a
 * second rule table: the roles come from the machine's own guards.
 */
export function applyEvent(snapshot: SubmissionSnapshot, event: SubmissionEvent, step: Step = pureStep): Outcome {
  const from = snapshot.value as SubmissionState;
  const [next, actions] = step(snapshot, event);
  // xstate returns the very same snapshot when no transition is enabled.
  if (next === snapshot && !snapshot.can(event)) return { ok: false, refusal: explainRefusal(snapshot, event) };
  return { ok: true, snapshot: next, from, to: next.value as SubmissionState, effects: effectsOf(actions) };
}

function explainRefusal(snapshot: SubmissionSnapshot, event: SubmissionEvent): Refusal {
  if (!rolesFor(event.type).has(event.actor.role) && !isImportedStep(event)) return { kind: 'forbidden' };
  if (event.type === 'sign_off' && !isImportedStep(event)) {
    const unconfirmed = unconfirmedGates(event.gates);
    if (unconfirmed.length > 0 && snapshot.can({ ...event, gates: ALL_GATES_CONFIRMED, qualityErrors: 0 })) return { kind: 'gates', unconfirmed };
  }
  const withoutQualityFaults = { ...event, qualityErrors: 0 } as SubmissionEvent;
  if ('qualityErrors' in event && snapshot.can(withoutQualityFaults)) return { kind: 'quality' };
  const { claimedBy, staleAt } = snapshot.context;
  const stateAccepts = getNextTransitions(snapshot).some((t) => t.eventType === event.type);
  // Someone else's claim stands in the way: of another reviewer, or of any event that would pass without it.
  const othersClaim = claimedBy !== null && claimedBy !== event.actor.id;
  if (othersClaim && ((stateAccepts && event.actor.role === 'reviewer') || withoutClaim(snapshot).can(event))) {
    return { kind: 'claimed', claimedBy, claimedByName: snapshot.context.claimedByName ?? null };
  }
  if (stateAccepts && event.type === 'adopt' && event.now > staleAt) return { kind: 'stale', staleAt };
  return { kind: 'invalid_transition', state: snapshot.value as SubmissionState };
}

function withoutClaim(snapshot: SubmissionSnapshot): SubmissionSnapshot {
  return restore({ value: snapshot.value as SubmissionState, context: { ...snapshot.context, claimedBy: null, claimedByName: null } });
}

/**
 * Whether the machine lets this actor edit the item now (text and photos alike), and if not, why:
 * the photo service asks this instead of keeping its own list of roles and states.
 */
export function editRefusal(snapshot: SubmissionSnapshot, actor: Actor, now: number): Refusal | null {
  const event: SubmissionEvent = { type: 'edit', actor, now, dueAt: snapshot.context.dueAt, staleAt: snapshot.context.staleAt };
  return snapshot.can(event) ? null : explainRefusal(snapshot, event);
}

/** The states that carry a tag, in the order of STATES: the one source of every such list. */
export function statesTagged(tag: StateTag): SubmissionState[] {
  return STATES.filter((state) => submissionMachine.states[state].tags.includes(tag));
}

export interface ReplayedStep {
  event: SubmissionEvent;
  from: SubmissionState;
  to: SubmissionState;
  effects: Effect[];
}

export type Replay =
  | { ok: true; snapshot: SubmissionSnapshot; created: Effect[]; steps: ReplayedStep[] }
  | { ok: false; index: number; event: SubmissionEvent; refusal: Refusal };

/**
 * Creates an item and applies the events in order, as the commands would have one by one: the
 * historical import's replay. Stops at the first event the machine refuses (`index` into `events`).
 */
export function replay(input: SubmissionInput, events: readonly SubmissionEvent[]): Replay {
  const inert = inertMachine();
  const created = inert.create(input);
  let snapshot = created.snapshot;
  const steps: ReplayedStep[] = [];
  for (const [index, event] of events.entries()) {
    const outcome = applyEvent(snapshot, event, inert.step);
    if (!outcome.ok) return { ok: false, index, event, refusal: outcome.refusal };
    steps.push({ event, from: outcome.from, to: outcome.to, effects: outcome.effects });
    snapshot = outcome.snapshot;
  }
  return { ok: true, snapshot, created: created.effects, steps };
}

/**
 * The machine's own `getInitialSnapshot` and `transition`, called with one inert actor scope that
 * only collects the actions. That is what xstate's pure `transition()` does, except that it builds a
 * throwaway actor (and with it the whole initial state) on every call: most of a step's cost. A
 * replay takes steps by the ten thousand, so the scope is built once, on first use. Sharing it is
 * safe: a step is synchronous, and the machine spawns nothing and sends nothing.
 */
let inert: { step: Step; create(input: SubmissionInput): { snapshot: SubmissionSnapshot; effects: Effect[] } } | undefined;

function inertMachine() {
  if (inert) return inert;
  let collected: Array<{ type: string; params?: unknown }> = [];
  const self = createActor(submissionMachine, { input: { unitCode: '', dueAt: 0, staleAt: 0 } });
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: (action) => {
      collected.push(action);
    },
  };
  const collecting = <T>(run: () => T): readonly [T, Actions] => {
    collected = [];
    const result = run();
    return [result, collected];
  };
  inert = {
    step: (snapshot, event) => collecting(() => submissionMachine.transition(snapshot, event, scope)),
    create: (input) => {
      const [snapshot, actions] = collecting(() => submissionMachine.getInitialSnapshot(scope, input));
      return { snapshot, effects: effectsOf(actions) };
    },
  };
  return inert;
}

/**
 * The actions this actor may take now. Quality is left out on purpose: an editor sees
 * `request_signoff` and, if the checks fail, gets the list of faults when trying.
 */
export function allowedActions(snapshot: SubmissionSnapshot, actor: Actor, now: number): Action[] {
  const candidates = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  return ACTIONS.filter(
    (type) => candidates.has(type) && snapshot.can(probeEvent(type, actor, now)),
  );
}

/** An event of this type as a caller would send it, with every parameter filled and no quality faults. */
function probeEvent(type: Action, actor: Actor, now: number): SubmissionEvent {
  return { type, actor, now, qualityErrors: 0, reason: '-', signer: '-', gates: ALL_GATES_CONFIRMED, to: { id: '-', name: '-' } } as SubmissionEvent;
}

const rolesByEvent = collectRolesByEvent();

/** Roles that may send this event in at least one state, read from the machine's `actorMay` guards. */
export function rolesFor(type: string): ReadonlySet<Role> {
  return rolesByEvent.get(type) ?? new Set();
}

function collectRolesByEvent(): Map<string, Set<Role>> {
  const result = new Map<string, Set<Role>>();
  for (const state of Object.values(submissionMachine.root.states)) {
    for (const [eventType, definitions] of state.transitions) {
      for (const definition of definitions) {
        for (const roles of rolesInGuard<Role>(definition.guard)) {
          const set = result.get(eventType) ?? new Set<Role>();
          roles.forEach((r) => set.add(r));
          result.set(eventType, set);
        }
      }
    }
  }
  return result;
}


/** A state's Chinese label (the machine's `meta`). */
export function stateLabel(state: SubmissionState): string {
  return (submissionMachine.states[state].meta as { label: string }).label;
}
