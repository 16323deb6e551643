import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client';

/** `GET /v1/lifecycle`: the machine's own names for states, actions, roles and the 五关 gates. */
export type Lifecycle = Schemas['Lifecycle'];
type Fields = Lifecycle['actions'][number]['fields'];

export const LIFECYCLE_KEY = ['lifecycle'] as const;

/** The words of the lifecycle, fetched once per session (they change only with a new release). */
export function useLifecycle() {
  return useQuery({ queryKey: LIFECYCLE_KEY, queryFn: () => unwrap(api.GET('/v1/lifecycle')), staleTime: Infinity });
}

export interface Words {
  state(name: string): string;
  action(name: string): string;
  role(name: string): string;
  /** What an action's dialog asks for (reason, signer, the gates, a reviewer to hand over to). */
  fieldsOf(action: string): Fields;
  gates: Lifecycle['gates'];
  states: Lifecycle['states'];
  /** A commission's assignment (约稿): its states and steps. */
  assignmentState(name: string): string;
  assignmentAction(name: string): string;
  assignmentStates: Lifecycle['assignment']['states'];
}

const EMPTY: Lifecycle = { states: [], actions: [], roles: [], gates: [], assignment: { states: [], actions: [] } };

function wordsOf(lifecycle: Lifecycle): Words {
  const label = (list: Array<{ name: string; label: string }>) => {
    const byName = new Map(list.map((entry) => [entry.name, entry.label]));
    return (name: string) => byName.get(name) ?? name;
  };
  const fields = new Map(lifecycle.actions.map((a) => [a.name, a.fields]));
  return {
    state: label(lifecycle.states),
    action: label(lifecycle.actions),
    role: label(lifecycle.roles),
    fieldsOf: (action) => fields.get(action) ?? [],
    gates: lifecycle.gates,
    states: lifecycle.states,
    assignmentState: label(lifecycle.assignment.states),
    assignmentAction: label(lifecycle.assignment.actions),
    assignmentStates: lifecycle.assignment.states,
  };
}

/** Labels for pages inside the frame, which waits for the lifecycle before it shows any page. */
export function useWords(): Words {
  const { data } = useLifecycle();
  return wordsOf(data ?? EMPTY);
}
