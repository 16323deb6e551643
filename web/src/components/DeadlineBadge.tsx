import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Schemas } from '../api/client';
import { dateOf, shanghai, useWorkdays, workdaysLeft } from './time';

type Item = Pick<Schemas['Submission'], 'dueAt' | 'staleAt' | 'late' | 'state' | 'deadlineProvisional'>;

const WAITING = new Set(['draft', 'awaiting_signoff', 'submitted']);
const STALE_WARNING_MS = 2 * 24 * 3600_000;

/**
 * Before submission: the due date (报送时限) as a Shanghai date with working days left; in the
 * region's queue: the last day it can be adopted. With the 逾期 / 即将过期 badges.
 */
export function DeadlineBadge({ item }: { item: Item }) {
  if (item.state === 'submitted') return <AdoptBy item={item} />;
  const year = shanghai(item.dueAt).year();
  const calendar = useWorkdays(year);
  const waiting = WAITING.has(item.state);
  const left = waiting ? workdaysLeft(calendar.data?.workdays, item.dueAt) : null;
  const staleSoon = waiting && Date.parse(item.staleAt) - Date.now() < STALE_WARNING_MS;
  return (
    <Space size={4} wrap>
      <Tooltip title={item.deadlineProvisional ? '该年度工作日历未录入，时限暂按周一至周五计算' : '报送时限'}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {dateOf(item.dueAt)}
          {item.deadlineProvisional ? '（暂定）' : ''}
          {left !== null && !item.late ? ` · 剩${left}个工作日` : ''}
        </Typography.Text>
      </Tooltip>
      {item.late && <Tag color="red">逾期</Tag>}
      {staleSoon && <Tooltip title={`${dateOf(item.staleAt)}后不予采用`}><Tag color="orange">即将过期</Tag></Tooltip>}
    </Space>
  );
}

function AdoptBy({ item }: { item: Item }) {
  const staleSoon = Date.parse(item.staleAt) - Date.now() < STALE_WARNING_MS;
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{dateOf(item.staleAt)}前可采用</Typography.Text>
      {item.late && <Tag color="red">逾期</Tag>}
      {staleSoon && <Tag color="orange">即将过期</Tag>}
    </Space>
  );
}
