import { Button, Card, List, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useSignedIn } from '../../session/session';
import { AssignmentTag } from './AssignmentTag';
import { DueDate } from './DueDate';
import { KIND_LABEL, type CommissionTask } from './queries';

/** In 我的待办: the unit's open commissions (the region's declines to judge), soonest due first, as `/v1/tasks` gives them. */
export function CommissionTasksCard({ tasks: items }: { tasks: CommissionTask[] }) {
  const me = useSignedIn();
  if (items.length === 0) return null;
  return (
    <Card size="small" title={`约稿 ${items.length}`} data-testid="commission-tasks">
      <List
        dataSource={items}
        renderItem={(t) => (
          <List.Item key={`${t.commissionId}-${t.unitCode}`}>
            <Space orientation="vertical" size={2}>
              <Link to={`/commissions/${t.commissionId}`}>{t.title}</Link>
              <Space wrap size={4}>
                <AssignmentTag assignment={t} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{KIND_LABEL[t.kind]} · {t.unitName}</Typography.Text>
                <DueDate label="截止 " dueDate={t.dueDate} dueAt={t.dueAt} waiting={t.state === 'open'} />
              </Space>
              {me.role === 'editor' && t.state === 'open' && (
                <Link to={`/items/new?commission=${t.commissionId}`}><Button size="small" type="primary" icon={<EditOutlined />}>撰写回复</Button></Link>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
