import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton, Timeline as AntTimeline, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { useWords, type Words } from '../api/lifecycle';
import { dateTimeOf } from './time';

export const historyKey = (id: string) => ['item', id, 'history'] as const;

type Entry = Awaited<ReturnType<typeof fetchHistory>>[number];

const fetchHistory = (id: string) => unwrap(api.GET('/v1/submissions/{id}/history', { params: { path: { id } } }));

/** Autosave writes many edits: one line per run of edits by the same person, with how many. */
function foldEdits(entries: Entry[]): Array<Entry & { times: number }> {
  const folded: Array<Entry & { times: number }> = [];
  for (const entry of entries) {
    const last = folded.at(-1);
    if (last && entry.action === 'edit' && last.action === 'edit' && last.actor?.id === entry.actor?.id) {
      folded[folded.length - 1] = { ...entry, times: last.times + 1 };
    } else folded.push({ ...entry, times: 1 });
  }
  return folded;
}

function Details({ entry, words }: { entry: Entry; words: Words }) {
  const d = entry.details;
  return (
    <>
      {entry.from && entry.to && entry.from !== entry.to && (
        <div><Typography.Text type="secondary">{words.state(entry.from)} → {words.state(entry.to)}</Typography.Text></div>
      )}
      {entry.signer && <div>签发人：{entry.signer}</div>}
      {d?.gates && <div>五关：{words.gates.filter((g) => d.gates?.[g.name as keyof typeof d.gates]).map((g) => g.label).join('、')}已确认</div>}
      {d?.to && <div>转交给：{d.to.name}</div>}
      {d?.released && <div>收回 {d.released.name} 的认领</div>}
      {d?.image && <div>第{d.image.position ?? '?'}张图片{d.image.caption ? `（${d.image.caption}）` : ''}</div>}
      {entry.reason && <div>理由：{entry.reason}</div>}
      {entry.text && <div style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: '4px 8px', borderRadius: 4, marginTop: 2 }}>{entry.text}</div>}
    </>
  );
}

/** The item's history: who did what, when, with their reasons, the signer and the comments (批注). */
export function Timeline({ id }: { id: string }) {
  const words = useWords();
  const history = useQuery({ queryKey: historyKey(id), queryFn: () => fetchHistory(id) });
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.error) return <Typography.Text type="danger">{history.error.message}</Typography.Text>;
  if (history.data.length === 0) return <Empty description="还没有任何操作记录" />;
  return (
    <AntTimeline
      data-testid="history"
      items={foldEdits(history.data).map((entry) => ({
        key: entry.seq,
        color: entry.action === 'comment' ? 'blue' : undefined,
        content: (
          <div>
            <Typography.Text strong>{words.action(entry.action)}{entry.times > 1 ? `（${entry.times}次）` : ''}</Typography.Text>
            <Typography.Text type="secondary"> · {entry.actor?.name ?? '系统'} · {dateTimeOf(entry.at)}</Typography.Text>
            <Details entry={entry} words={words} />
          </div>
        ),
      }))}
    />
  );
}
