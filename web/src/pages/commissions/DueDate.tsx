import { Typography } from 'antd';
import { shanghai, useWorkdays, workdaysLeft } from '../../components/time';

/** A commission's due date with the working days left while it lasts; `label` names it where nothing else does. */
export function DueDate({ dueDate, dueAt, waiting = true, label }: { dueDate: string; dueAt: string; waiting?: boolean; label?: string }) {
  const calendar = useWorkdays(shanghai(dueAt).year());
  const left = waiting ? workdaysLeft(calendar.data?.workdays, dueAt) : null;
  const over = waiting && Date.parse(dueAt) < Date.now();
  return (
    <Typography.Text type={over ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
      {label}
      {dueDate}
      {over ? ' · 已过期' : left !== null ? ` · 剩${left}个工作日` : ''}
    </Typography.Text>
  );
}
