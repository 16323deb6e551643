import { useState } from 'react';
import { Select, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PipelineTab } from './PipelineTab';
import { PeriodTab, ScoreTab } from './ReportTabs';
import { BulletinTab } from './BulletinTab';
import { currentPeriod, PART_LABELS, type Period } from './period';

/** 统计: how items are moving, 附件1 / 附件2 for a period, and the bulletin with its downloads. */
export default function StatsPage() {
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = useState<Period>(currentPeriod);
  const tab = params.get('tab') ?? 'pipeline';
  const thisYear = currentPeriod().year;
  const picker = (
    <Space wrap>
      <Select
        aria-label="年度"
        value={period.year}
        onChange={(year) => setPeriod({ ...period, year })}
        options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
        style={{ width: 100 }}
      />
      <Select<Period['part']>
        aria-label="统计期间"
        value={period.part}
        onChange={(part) => setPeriod({ ...period, part })}
        options={(Object.keys(PART_LABELS) as Period['part'][]).map((p) => ({ value: p, label: PART_LABELS[p] }))}
        style={{ width: 120 }}
      />
    </Space>
  );
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>统计</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'pipeline', label: '流转情况', children: <PipelineTab period={period} picker={picker} /> },
          { key: 'period', label: '附件1 报送情况', children: <PeriodTab period={period} picker={picker} /> },
          { key: 'scores', label: '附件2 得分', children: <ScoreTab period={period} picker={picker} /> },
          { key: 'bulletin', label: '通报', children: <BulletinTab period={period} picker={picker} /> },
        ]}
      />
    </Space>
  );
}
