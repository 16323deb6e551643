import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { api, unwrap, type Schemas } from '../api/client';
import { conflictMessage, isConflict, useItemRefresh } from './ActionBar';

type Item = Schemas['Submission'];

/** 认领 / 释放 in a task list row, when the item allows the caller to (its allowedActions). */
export function ClaimButton({ item, size }: { item: Item; size?: 'small' | 'middle' }) {
  const { message } = App.useApp();
  const refresh = useItemRefresh(item.id);
  const release = item.allowedActions.includes('unclaim');
  const claim = useMutation({
    mutationFn: () =>
      unwrap(
        release
          ? api.POST('/v1/tasks/{id}/unclaim', { params: { path: { id: item.id } } })
          : api.POST('/v1/tasks/{id}/claim', { params: { path: { id: item.id } } }),
      ),
    onSuccess: async () => {
      message.success(release ? '已释放，其他编辑可以认领' : '已认领');
      await refresh();
    },
    onError: async (error) => {
      message.error(isConflict(error) ? conflictMessage(error) : error.message);
      await refresh();
    },
  });
  if (!release && !item.allowedActions.includes('claim')) return null;
  return (
    <Button size={size} loading={claim.isPending} onClick={(e) => { e.stopPropagation(); claim.mutate(); }}>
      {release ? '释放' : '认领'}
    </Button>
  );
}
