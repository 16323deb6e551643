import { Tag } from 'antd';
import { useWords } from '../api/lifecycle';

const COLORS: Record<string, string> = {
  draft: 'default',
  awaiting_signoff: 'gold',
  submitted: 'blue',
  adopted: 'green',
  forwarded_national: 'cyan',
  national_adopted: 'purple',
  national_declined: 'default',
  rejected: 'red',
  withdrawn: 'default',
  expired: 'default',
};

export function StateTag({ state }: { state: string }) {
  const words = useWords();
  return <Tag color={COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>{words.state(state)}</Tag>;
}
