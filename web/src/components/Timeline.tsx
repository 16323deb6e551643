import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton, Timeline as AntTimeline, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { useWords } from '../api/lifecycle';
import { dateTimeOf } from './time';

export const historyKey = (id: string) => ['item', id, 'history'] as const;

/** The item's history: who did what, when, with their reasons and the signer. */
export function Timeline({ id }: { id: string }) {
  const words = useWords();
  const history = useQuery({
    queryKey: historyKey(id),
    queryFn: () => unwrap(api.GET('/v1/submissions/{id}/history', { params: { path: { id } } })),
  });
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.error) return <Typography.Text type="danger">{history.error.message}</Typography.Text>;
  if (history.data.length === 0) return <Empty description="还没有任何操作记录" />;
  return (
    <AntTimeline
      data-testid="history"
      items={history.data.map((entry) => ({
        key: entry.seq,
        content: (
          <div>
            <Typography.Text strong>{words.action(entry.action)}</Typography.Text>
            <Typography.Text type="secondary"> · {entry.actor?.name ?? '系统'} · {dateTimeOf(entry.at)}</Typography.Text>
            {entry.from !== entry.to && entry.to && (
              <div><Typography.Text type="secondary">{words.state(entry.from ?? '')} → {words.state(entry.to)}</Typography.Text></div>
            )}
            {entry.signer && <div>签发人：{entry.signer}</div>}
            {entry.reason && <div>理由：{entry.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
