import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useSignedIn } from '../../session/session';
import { CommissionForm } from './CommissionForm';
import { DueDate } from './DueDate';
import { useWords } from '../../api/lifecycle';
import { KIND_LABEL, REGION_ROLES, STATE_COLOR, useCommissions, type Assignment, type Commission } from './queries';

/** 约稿: the commissions the caller may see, with counts of assignments per state; the region issues new ones. */
export default function CommissionsPage() {
  const me = useSignedIn();
  const region = REGION_ROLES.has(me.role);
  const list = useCommissions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const wide = Grid.useBreakpoint().md ?? true;
  const items = list.data?.items ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>约稿</Typography.Title>
        {region && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>发布约稿</Button>}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Commission>
        rowKey="id"
        loading={list.isPending}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(c) => ({ onClick: () => navigate(`/commissions/${c.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: list.isPending ? '正在加载…' : <Empty description={region ? '还没有约稿：点击“发布约稿”向盟市约稿。' : '目前没有发给本单位的约稿。'} /> }}
        columns={[
          {
            title: '约稿主题',
            key: 'title',
            render: (_, c) => (
              <Space orientation="vertical" size={2}>
                <Link to={`/commissions/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.title}</Link>
                <Space wrap size={4}>
                  <Tag>{KIND_LABEL[c.kind]}</Tag>
                  {c.status === 'cancelled' && <Tag>已撤销</Tag>}
                  {!wide && <DueDate dueDate={c.dueDate} dueAt={c.dueAt} waiting={c.status === 'active'} />}
                </Space>
                {!wide && <Counts counts={c.counts} />}
              </Space>
            ),
          },
          ...(wide
            ? [
                { title: '截止日期', key: 'due', width: 200, render: (_: unknown, c: Commission) => <DueDate dueDate={c.dueDate} dueAt={c.dueAt} waiting={c.status === 'active'} /> },
                { title: '回复情况', key: 'counts', width: 340, render: (_: unknown, c: Commission) => <Counts counts={c.counts} /> },
              ]
            : []),
        ]}
      />
      <Drawer title="发布约稿" open={issuing} onClose={() => setIssuing(false)} size="min(560px, 100vw)" destroyOnHidden>
        <CommissionForm
          onDone={async (saved) => {
            setIssuing(false);
            message.success('约稿已发布，约稿单位会收到通知');
            await queryClient.invalidateQueries({ queryKey: ['commissions'] });
            navigate(`/commissions/${saved.id}`);
          }}
        />
      </Drawer>
    </Space>
  );
}

function Counts({ counts }: { counts: Commission['counts'] }) {
  const words = useWords();
  // In the machine's order, with its labels.
  const entries = words.assignmentStates.map((s) => s.name as Assignment['state']).filter((s) => counts[s]);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space wrap size={[0, 4]}>
      {entries.map((s) => <Tag key={s} color={STATE_COLOR[s]}>{words.assignmentState(s)} {counts[s]}</Tag>)}
    </Space>
  );
}
