import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { UsersTab } from './UsersTab';
import { CalendarTab } from './CalendarTab';
import { ScoringTab } from './ScoringTab';
import { FailedJobsTab } from './FailedJobsTab';

/** 管理: people, the working calendar, scoring rules, failed jobs. */
export default function AdminPage() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>管理</Typography.Title>
      <Tabs
        activeKey={params.get('tab') ?? 'users'}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'users', label: '用户', children: <UsersTab /> },
          { key: 'calendar', label: '工作日历', children: <CalendarTab /> },
          { key: 'scoring', label: '计分规则', children: <ScoringTab /> },
          { key: 'jobs', label: '失败任务', children: <FailedJobsTab /> },
        ]}
      />
    </>
  );
}
