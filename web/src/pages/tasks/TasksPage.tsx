import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { useWords } from '../../api/lifecycle';
import { ClaimButton } from '../../components/ClaimButton';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { StateTag } from '../../components/StateTag';
import { CommissionTasksCard } from '../commissions/CommissionTasksCard';
import { useSignedIn } from '../../session/session';

type Item = Schemas['Submission'];
type CommissionTask = Schemas['CommissionTask'];

/** All of the caller's open tasks, soonest deadline first (the API's order), page by page; the commissions come with the first. */
async function fetchAllTasks(): Promise<{ items: Item[]; commissions: CommissionTask[] }> {
  const items: Item[] = [];
  let commissions: CommissionTask[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/v1/tasks', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    items.push(...(page.items as Item[]));
    if (!cursor) commissions = page.commissions;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, commissions };
}

const EMPTY_HINT: Record<string, string> = {
  editor: '没有待办：可以点击“撰写”写一条新信息。',
  approver: '没有待审签的信息。撰稿人提交审签后会出现在这里，并通知您。',
  reviewer: '队列已清空：各盟市报送的新信息会出现在这里。',
};

/** With commissions waiting above, the table's own emptiness is not "nothing to do". */
const emptyHint = (role: string, commissions: number) =>
  commissions > 0 ? '没有待处理的信息；约稿见上方。' : (EMPTY_HINT[role] ?? '没有待办事项');

/** 我的待办: the caller's queue with counts per state, deadline badges, filters and (for reviewers) 认领 / 释放. */
export default function TasksPage() {
  const me = useSignedIn();
  const words = useWords();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const state = params.get('state') ?? undefined;
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: fetchAllTasks, refetchInterval: 30_000 });
  // On a phone the deadline goes under the title: the title keeps the width.
  const wide = Grid.useBreakpoint().md ?? true;

  const all = tasks.data?.items ?? [];
  const shown = all.filter((t) => (!unit || t.unitCode === unit) && (!state || t.state === state));
  const counts = useMemo(() => countBy(all, (t) => t.state), [all]);
  const units = useMemo(() => [...new Map(all.map((t) => [t.unitCode, t.unitName])).entries()], [all]);
  const late = all.filter((t) => t.late).length;
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>我的待办</Typography.Title>
        {me.role === 'editor' && <Link to="/items/new"><Button type="primary" icon={<EditOutlined />}>撰写</Button></Link>}
      </Space>
      {tasks.error && <Alert type="error" showIcon title={tasks.error.message} />}
      <Card size="small">
        <Space wrap size={[8, 8]}>
          <Tag.CheckableTag checked={!state} onChange={() => setFilter('state', undefined)}>全部 {all.length}</Tag.CheckableTag>
          {[...counts.entries()].map(([s, n]) => (
            <Tag.CheckableTag key={s} checked={state === s} onChange={(on) => setFilter('state', on ? s : undefined)}>
              {words.state(s)} {n}
            </Tag.CheckableTag>
          ))}
          {late > 0 && <Tag color="red">逾期 {late}</Tag>}
          {units.length > 1 && (
            <Select
              allowClear
              placeholder="按单位筛选"
              value={unit}
              onChange={(v) => setFilter('unit', v)}
              options={units.map(([code, name]) => ({ value: code, label: name }))}
              style={{ minWidth: 160 }}
              aria-label="按单位筛选"
            />
          )}
        </Space>
      </Card>
      <CommissionTasksCard tasks={tasks.data?.commissions ?? []} />
      <Table<Item>
        rowKey="id"
        loading={tasks.isPending}
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(record) => ({ onClick: () => navigate(`/items/${record.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: tasks.isPending ? '正在加载…' : <Empty description={emptyHint(me.role, tasks.data?.commissions.length ?? 0)} /> }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_, t) => (
              <Space orientation="vertical" size={2}>
                <Link to={`/items/${t.id}`} onClick={(e) => e.stopPropagation()}>{t.title}</Link>
                <Space wrap size={4} className="task-meta">
                  <StateTag state={t.state} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.unitName}</Typography.Text>
                </Space>
                {!wide && <DeadlineBadge item={t} />}
              </Space>
            ),
          },
          { title: '事件日期', dataIndex: 'eventDate', width: 110, responsive: ['md'] },
          ...(wide ? [{ title: '时限', key: 'due', width: 230, render: (_: unknown, t: Item) => <DeadlineBadge item={t} /> }] : []),
          ...(me.role === 'reviewer'
            ? [{
                title: '认领',
                key: 'claim',
                width: wide ? 120 : 76,
                render: (_: unknown, t: Item) => (t.claimedByName && t.claimedBy !== me.id ? <Typography.Text type="secondary">{t.claimedByName}</Typography.Text> : <ClaimButton item={t} size="small" />),
              }]
            : []),
        ]}
      />
    </Space>
  );
}

function countBy<T>(list: T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of list) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return counts;
}
