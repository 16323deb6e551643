import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Space } from 'antd';
import { api, unwrap } from '../../api/client';
import { historyKey } from '../../components/Timeline';

/** 批注: a note on the item for the other side; it appears in the timeline and notifies them. */
export function CommentBox({ id }: { id: string }) {
  const [text, setText] = useState('');
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/submissions/{id}/comments', { params: { path: { id } }, body: { text } })),
    onSuccess: async () => {
      setText('');
      await queryClient.invalidateQueries({ queryKey: historyKey(id) });
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      {send.error && <Alert type="error" showIcon title={send.error.message} />}
      <Input.TextArea aria-label="批注" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="写给撰稿人或审核人的批注" />
      <Button onClick={() => send.mutate()} disabled={!text.trim()} loading={send.isPending}>发表批注</Button>
    </Space>
  );
}
