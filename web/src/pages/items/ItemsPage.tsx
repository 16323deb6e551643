import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { useWords } from '../../api/lifecycle';
import { StateTag } from '../../components/StateTag';
import { dateOf } from '../../components/time';
import { useUnits } from '../../components/useUnits';
import { useSignedIn } from '../../session/session';

type Item = Schemas['Submission'];
type State = Item['state'];
const PAGE = 20;

/** 信息列表: every item the caller may see, filtered by state, unit and event date, page by page. */
export default function ItemsPage() {
  const me = useSignedIn();
  const words = useWords();
  const units = useUnits();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  // Cursor paging: the cursors of the pages seen so far, so that 上一页 goes back.
  const [cursors, setCursors] = useState<string[]>([]);
  const filters = {
    state: (params.get('state') ?? undefined) as State | undefined,
    unitCode: params.get('unit') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const cursor = cursors.at(-1);
  const list = useQuery({
    queryKey: ['items', filters, cursor],
    queryFn: () => unwrap(api.GET('/v1/submissions', { params: { query: { limit: PAGE, ...clean(filters), ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setCursors([]);
    setParams(next, { replace: true });
  };
  const rows = ((list.data?.items ?? []) as Item[]).filter((i) => !search || i.title.includes(search));
  const crossUnit = !me.unitCode || ['reviewer', 'manager', 'admin'].includes(me.role);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>信息列表</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Input.Search allowClear placeholder="按标题查找（本页）" onSearch={setSearch} style={{ width: 220 }} />
          <Select
            allowClear
            placeholder="状态"
            aria-label="按状态筛选"
            value={filters.state}
            onChange={(v) => setFilter('state', v)}
            options={words.states.map((s) => ({ value: s.name, label: s.label }))}
            style={{ width: 150 }}
          />
          {crossUnit && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="单位"
              aria-label="按单位筛选"
              value={filters.unitCode}
              onChange={(v) => setFilter('unit', v)}
              options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
              style={{ width: 170 }}
            />
          )}
          <DatePicker.RangePicker
            placeholder={['事件日期从', '至']}
            inputReadOnly
            onChange={(range: null | [Dayjs | null, Dayjs | null]) => {
              const next = new URLSearchParams(params);
              for (const [key, day] of [['from', range?.[0]], ['to', range?.[1]]] as const) {
                if (day) next.set(key, day.format('YYYY-MM-DD'));
                else next.delete(key);
              }
              setCursors([]);
              setParams(next, { replace: true });
            }}
          />
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Item>
        rowKey="id"
        loading={list.isFetching}
        dataSource={rows}
        pagination={false}
        onRow={(record) => ({ onClick: () => navigate(`/items/${record.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: list.isPending ? '正在加载…' : <Empty description="没有符合条件的信息，可以放宽筛选条件" /> }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_, i) => (
              <Space orientation="vertical" size={2}>
                <Link to={`/items/${i.id}`} onClick={(e) => e.stopPropagation()}>{i.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.unitName} · {i.eventDate}</Typography.Text>
              </Space>
            ),
          },
          { title: '状态', key: 'state', width: 140, render: (_, i) => <StateTag state={i.state} /> },
          { title: '报送日期', key: 'submittedAt', width: 120, responsive: ['md'], render: (_, i) => dateOf(i.submittedAt) },
        ]}
      />
      <Space>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>上一页</Button>
        <Button disabled={!list.data?.nextCursor} onClick={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}>下一页</Button>
      </Space>
    </Space>
  );
}

function clean<T extends Record<string, string | undefined>>(filters: T): Partial<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Partial<T>;
}
