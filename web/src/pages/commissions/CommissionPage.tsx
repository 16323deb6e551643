import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Grid, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { isConflict } from '../../components/ActionBar';
import { dateOf } from '../../components/time';
import { useSignedIn } from '../../session/session';
import { AssignmentActions } from './AssignmentActions';
import { AssignmentTag } from './AssignmentTag';
import { CommissionForm } from './CommissionForm';
import { DueDate } from './DueDate';
import { KIND_LABEL, REGION_ROLES, useCommission, useCommissionRefresh, type Assignment } from './queries';

/** 约稿详情: the notice, each target unit's assignment (a unit sees its own) and what the caller may do. */
export default function CommissionPage() {
  const { id = '' } = useParams();
  const me = useSignedIn();
  const commission = useCommission(id);
  const refresh = useCommissionRefresh(id);
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const wide = Grid.useBreakpoint().md ?? true;
  const cancel = useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/v1/commissions/{id}/actions', { params: { path: { id }, header: { 'if-match': `"${version}"` } }, body: { action: 'cancel' } })),
    onSuccess: async () => {
      message.success('约稿已撤销，尚未回复的单位不再需要回复');
      await refresh();
    },
    onError: async (error) => {
      if (isConflict(error)) message.warning('该约稿刚被其他人修改过，已刷新为最新状态，请确认后再操作。');
      else message.error(error.message);
      await refresh();
    },
  });

  if (commission.isPending) return <Skeleton active />;
  if (commission.error)
    return <Result status={commission.error.status === 404 ? '404' : 'error'} title={commission.error.status === 404 ? '没有找到这条约稿' : '无法加载'} subTitle={commission.error.status === 404 ? '它可能不存在，或不是发给本单位的。' : commission.error.message} extra={<Link to="/commissions"><Button>回到约稿</Button></Link>} />;
  const c = commission.data;
  const assignments = c.assignments ?? [];
  const region = REGION_ROLES.has(me.role) && c.status === 'active';
  // Editing is allowed until the first answer; the API has the last word.
  const answered = assignments.some((a) => a.answeredAt);
  const mine = assignments.find((a) => a.unitCode === me.unitCode);
  const canWrite = me.role === 'editor' && mine?.state === 'open' && c.status === 'active';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <Tag>{KIND_LABEL[c.kind]}</Tag>
            {c.status === 'cancelled' && <Tag>已撤销</Tag>}
            <DueDate dueDate={c.dueDate} dueAt={c.dueAt} waiting={c.status === 'active'} />
          </Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="commission-title">{c.title}</Typography.Title>
          {(canWrite || region) && (
          <Space wrap>
            {canWrite && (
              <Link to={`/items/new?commission=${c.id}`}><Button type="primary" icon={<EditOutlined />}>撰写回复</Button></Link>
            )}
            {region && !answered && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button>}
            {region && (
              <Popconfirm title="撤销这条约稿？" description="尚未回复的单位将不再需要回复。" okText="撤销" cancelText="不撤销" okButtonProps={{ danger: true }} onConfirm={() => cancel.mutate(c.version)}>
                <Button danger loading={cancel.isPending}>撤销约稿</Button>
              </Popconfirm>
            )}
          </Space>
          )}
        </Space>
      </Card>
      <Card title="约稿要求">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.9, marginBottom: 0 }}>{c.requirements}</Typography.Paragraph>
        <Descriptions column={wide ? 3 : 1} size="small" style={{ marginTop: 16 }}>
          {REGION_ROLES.has(me.role) && <Descriptions.Item label="约稿单位">{c.allUnits ? '全部盟市' : `${assignments.length}个单位`}</Descriptions.Item>}
          <Descriptions.Item label="截止日期">{c.dueDate}</Descriptions.Item>
          <Descriptions.Item label="按时报送加分">{c.points ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发布">{c.createdBy.name || '—'}（{dateOf(c.createdAt)}）</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={mine && !REGION_ROLES.has(me.role) ? '本单位回复情况' : '各单位回复情况'}>
        {commission.isRefetching && <Alert type="info" title="正在刷新…" style={{ marginBottom: 8 }} />}
        <Table<Assignment>
          rowKey="unitCode"
          size="small"
          dataSource={assignments}
          pagination={false}
          columns={[
            {
              title: '单位',
              key: 'unit',
              render: (_, a) => (
                <Space orientation="vertical" size={4}>
                  <Typography.Text strong>{a.unitName}</Typography.Text>
                  {!wide && <Space wrap size={4}><AssignmentTag assignment={a} /></Space>}
                  {a.declineReason && <Typography.Text type="secondary">不回复理由：{a.declineReason}</Typography.Text>}
                  {a.refusalReason && <Typography.Text type="danger">驳回理由：{a.refusalReason}</Typography.Text>}
                  {a.itemId && <Link to={`/items/${a.itemId}`}>查看回复的信息</Link>}
                  {/* One place at every width: a dialog open in it survives a turn of the phone. */}
                  <AssignmentActions assignment={a} />
                </Space>
              ),
            },
            ...(wide
              ? [
                  { title: '状态', key: 'state', width: 200, render: (_: unknown, a: Assignment) => <AssignmentTag assignment={a} /> },
                  { title: '回复时间', key: 'answeredAt', width: 120, render: (_: unknown, a: Assignment) => dateOf(a.answeredAt) },
                ]
              : []),
          ]}
        />
      </Card>
      <Drawer title="修改约稿" open={editing} onClose={() => setEditing(false)} size="min(560px, 100vw)" destroyOnHidden>
        <CommissionForm
          commission={c}
          onDone={async () => {
            setEditing(false);
            message.success('约稿已修改');
            await refresh();
          }}
        />
      </Drawer>
    </Space>
  );
}
