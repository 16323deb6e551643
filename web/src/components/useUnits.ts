import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The 14 reporting units, for filters. */
export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => unwrap(api.GET('/v1/units')), staleTime: Infinity });
}
