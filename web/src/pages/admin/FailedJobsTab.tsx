import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { dateTimeOf } from '../../components/time';

type Job = { queue: string; id: string; name: string; failedReason: string | null; attemptsMade: number; failedAt: string | null };
type QueueName = 'deadlines' | 'scores' | 'notifications' | 'webhooks';

/** Background jobs that failed every attempt: retry them once the cause is fixed, or discard them. */
export function FailedJobsTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const jobs = useQuery({ queryKey: ['failed-jobs'], queryFn: () => unwrap(api.GET('/v1/admin/failed-jobs')) as Promise<Job[]> });
  const retry = useMutation({
    mutationFn: (job: Job) => unwrap(api.POST('/v1/admin/failed-jobs/{queue}/{id}/retry', { params: { path: { queue: job.queue as QueueName, id: job.id } } })),
    onSuccess: async () => {
      message.success('已重新排队');
      await queryClient.invalidateQueries({ queryKey: ['failed-jobs'] });
    },
    onError: (error) => message.error(error.message),
  });
  const discard = useMutation({
    mutationFn: (job: Job) => unwrap(api.DELETE('/v1/admin/failed-jobs/{queue}/{id}', { params: { path: { queue: job.queue as QueueName, id: job.id } } })),
    onSuccess: async () => {
      message.success('已丢弃');
      await queryClient.invalidateQueries({ queryKey: ['failed-jobs'] });
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Card>
      {jobs.error && <Alert type="warning" showIcon title={jobs.error.message} style={{ marginBottom: 12 }} />}
      <Table<Job>
        rowKey={(j) => `${j.queue}/${j.id}`}
        size="small"
        loading={jobs.isPending}
        dataSource={jobs.data}
        scroll={{ x: 600 }}
        locale={{ emptyText: '没有失败的后台任务' }}
        columns={[
          { title: '队列', dataIndex: 'queue' },
          { title: '任务', dataIndex: 'name' },
          { title: '原因', dataIndex: 'failedReason', render: (r: string | null) => <Typography.Text type="danger">{r ?? '—'}</Typography.Text> },
          { title: '次数', dataIndex: 'attemptsMade' },
          { title: '失败时间', dataIndex: 'failedAt', render: dateTimeOf },
          {
            title: '',
            key: 'actions',
            render: (_, j) => (
              <Space>
                <Button size="small" onClick={() => retry.mutate(j)}>重试</Button>
                {/* The service still records a score or notification whose job is discarded (the reconciler owes it). */}
                <Popconfirm title="丢弃这个任务？" description="积分和通知仍会由系统补记；丢弃的推送（webhook）不再发送。" okText="丢弃" cancelText="取消" onConfirm={() => discard.mutate(j)}>
                  <Button size="small" danger>丢弃</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
