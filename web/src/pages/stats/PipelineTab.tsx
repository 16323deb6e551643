import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import { useWords } from '../../api/lifecycle';
import { rangeOf, type Period } from './period';
import { EChart } from './EChart';

type Queue = PipelineQueue;
interface PipelineQueue {
  state: string;
  label: string;
  count: number;
  oldestAgeHours: number | null;
  late: number;
  staleWithin2Days: number;
}

const hoursText = (h: number | null | undefined) => (h === null || h === undefined ? '—' : h >= 48 ? `${Math.round(h / 24)}天` : `${Math.round(h)}小时`);

/** The pipeline now (counts per state and unit, queues with their age) and over the period (time in state, adoption rate). */
export function PipelineTab({ period, picker }: { period: Period; picker: ReactNode }) {
  const words = useWords();
  const pipeline = useQuery({ queryKey: ['pipeline'], queryFn: () => unwrap(api.GET('/v1/pipeline')), refetchInterval: 60_000 });
  const range = rangeOf(period);
  const flow = useQuery({ queryKey: ['pipeline', 'flow', range], queryFn: () => unwrap(api.GET('/v1/pipeline/flow', { params: { query: range } })) });

  const unitsOption = useMemo(() => {
    const units = pipeline.data?.units ?? [];
    const states = Object.keys(pipeline.data?.states ?? {}).filter((s) => (pipeline.data?.states[s] ?? 0) > 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unitName), axisLabel: { interval: 0 } },
      xAxis: { type: 'value', minInterval: 1 },
      series: states.map((s) => ({ type: 'bar', stack: 'all', name: words.state(s), data: units.map((u) => (u.counts as Record<string, number>)[s] ?? 0) })),
    };
  }, [pipeline.data, words]);

  const adoptionOption = useMemo(() => {
    const rows = flow.data?.adoptionRate ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.unitName), axisLabel: { interval: 0 } },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', name: '采用率', data: rows.map((r) => Math.round((r.rate ?? 0) * 1000) / 10) }],
    };
  }, [flow.data]);

  if (pipeline.isPending) return <Skeleton active />;
  if (pipeline.error) return <Alert type="error" showIcon title={pipeline.error.message} />;
  const p = pipeline.data;
  const total = Object.values(p.states).reduce((s, n) => s + n, 0);
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Row gutter={[12, 12]} data-testid="state-counts">
          {Object.entries(p.states).map(([state, count]) => (
            <Col key={state} xs={12} sm={8} md={6} xl={4}>
              <Card size="small"><Statistic title={words.state(state)} value={count} /></Card>
            </Col>
          ))}
        </Row>
      </Col>
      <Col xs={24} xl={14}>
        <Card title="各单位信息（按状态）">{total === 0 ? <Empty description="还没有任何信息" /> : <EChart option={unitsOption} height={400} />}</Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="等待处理">
          <Table<Queue>
            rowKey="state"
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            dataSource={p.queues as Queue[]}
            columns={[
              { title: '环节', dataIndex: 'label' },
              { title: '数量', dataIndex: 'count', align: 'right' },
              { title: '最久等待', key: 'age', align: 'right', render: (_, q) => hoursText(q.oldestAgeHours) },
              { title: '逾期', dataIndex: 'late', align: 'right' },
              { title: '两天内过期', dataIndex: 'staleWithin2Days', align: 'right' },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>{picker}</Col>
      {flow.error && <Col span={24}><Alert type="error" showIcon title={flow.error.message} /></Col>}
      <Col xs={24} xl={14}>
        <Card title="各单位采用率">{(flow.data?.adoptionRate.length ?? 0) === 0 ? <Empty description="本期还没有报送的信息" /> : <EChart option={adoptionOption} height={400} />}</Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="各环节平均停留时间">
          <Table
            rowKey="state"
            size="small"
            pagination={false}
            loading={flow.isPending}
            dataSource={flow.data?.timeInState}
            columns={[
              { title: '状态', dataIndex: 'state', render: (s: string) => words.state(s) },
              { title: '次数', dataIndex: 'stays', align: 'right' },
              { title: '平均', dataIndex: 'averageHours', align: 'right', render: (h: number) => hoursText(h) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
