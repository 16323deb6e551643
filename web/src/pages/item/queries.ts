import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const itemKey = (id: string) => ['item', id] as const;

export function useItem(id: string) {
  return useQuery({ queryKey: itemKey(id), queryFn: () => unwrap(api.GET('/v1/submissions/{id}', { params: { path: { id } } })) });
}

export function usePhotos(id: string) {
  return useQuery({
    queryKey: [...itemKey(id), 'images'],
    queryFn: () => unwrap(api.GET('/v1/submissions/{id}/images', { params: { path: { id } } })),
  });
}

export function useChecks(id: string, enabled = true) {
  return useQuery({
    queryKey: [...itemKey(id), 'checks'],
    queryFn: () => unwrap(api.GET('/v1/submissions/{id}/checks', { params: { path: { id } } })),
    enabled,
  });
}
