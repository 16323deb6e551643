import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { dateTimeOf } from '../../components/time';

/** 通知: the caller's notifications, newest first; opening or marking one reads it. */
export default function NotificationsPage() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => unwrap(api.GET('/v1/notifications', { params: { query: { limit: 100 } } })) });
  const read = useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['notifications'] }), queryClient.invalidateQueries({ queryKey: ['me'] })]),
  });
  const items = list.data?.items ?? [];
  const unread = items.filter((n) => !n.readAt);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>通知</Typography.Title>
        {unread.length > 0 && <Button onClick={() => unread.forEach((n) => read.mutate(n.id))}>全部标为已读</Button>}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Card>
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty description="暂无通知：有信息需要您处理时会在这里提醒" /> }}
          renderItem={(n) => (
            <List.Item
              actions={n.readAt ? [] : [<Button key="read" size="small" type="link" onClick={() => read.mutate(n.id)}>标为已读</Button>]}
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={n.itemId ? <Link to={`/items/${n.itemId}`} onClick={() => !n.readAt && read.mutate(n.id)}>{n.message}</Link> : n.message}
                description={dateTimeOf(n.createdAt)}
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
