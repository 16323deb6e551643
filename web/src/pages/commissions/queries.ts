import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Commission = Schemas['Commission'];
export type Assignment = Schemas['Assignment'];
export type CommissionTask = Schemas['CommissionTask'];

export { KIND_LABEL } from '../../components/itemKind';

// The labels of an assignment's states and actions come from the service (`useWords`, GET /v1/lifecycle).
export const STATE_COLOR: Partial<Record<Assignment['state'], string>> = {
  open: 'blue',
  answered: 'cyan',
  fulfilled: 'green',
  declined: 'orange',
  missed: 'red',
};

export const commissionKey = (id: string) => ['commission', id] as const;

export function useCommissions() {
  return useQuery({ queryKey: ['commissions'], queryFn: () => unwrap(api.GET('/v1/commissions')) });
}

export function useCommission(id: string) {
  return useQuery({ queryKey: commissionKey(id), queryFn: () => unwrap(api.GET('/v1/commissions/{id}', { params: { path: { id } } })) });
}

/** The caller's waiting assignments (a unit's open ones; the region's declines to judge). */
export function useCommissionTasks(enabled = true) {
  return useQuery({ queryKey: ['tasks', 'commissions'], queryFn: () => unwrap(api.GET('/v1/tasks/commissions')), enabled, refetchInterval: 30_000 });
}

/** After a change to a commission: it, the list and everyone's task lists. */
export function useCommissionRefresh(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: commissionKey(id) }),
      queryClient.invalidateQueries({ queryKey: ['commissions'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}

export const REGION_ROLES = new Set(['reviewer', 'manager']);
