import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, unwrap, type Schemas } from '../../api/client';
import { shanghai } from '../../components/time';
import { rangeOf, type Period } from './period';

interface TabProps {
  period: Period;
  picker: ReactNode;
}

const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

function Download({ href, children }: { href: string; children: ReactNode }) {
  return <Button icon={<DownloadOutlined />} href={href} download>{children}</Button>;
}

function Toolbar({ picker, children }: { picker: ReactNode; children?: ReactNode }) {
  return <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>{picker}<Space wrap>{children}</Space></Space>;
}

type PeriodRow = Schemas['PeriodReport']['rows'][number];

/** 附件1: per unit, submitted / adopted / adopted nationally in the period, all 14 units. */
export function PeriodTab({ period, picker }: TabProps) {
  const range = rangeOf(period);
  const report = useQuery({ queryKey: ['report', 'period', range], queryFn: () => unwrap(api.GET('/v1/reports/period', { params: { query: range } })) });
  return (
    <Card>
      <Toolbar picker={picker}>
        <Download href={`/v1/reports/period?${query({ ...range, format: 'xlsx' })}`}>Excel</Download>
        <Download href={`/v1/reports/period?${query({ ...range, format: 'csv' })}`}>CSV</Download>
      </Toolbar>
      <Typography.Paragraph type="secondary">统计区间：{range.from} 至 {range.to}</Typography.Paragraph>
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      <Table<PeriodRow>
        rowKey="unitCode"
        size="small"
        loading={report.isPending}
        dataSource={report.data?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 56 },
          { title: '单位', dataIndex: 'unitName' },
          { title: '报送', dataIndex: 'submitted', align: 'right', width: 64 },
          { title: '采用', dataIndex: 'adopted', align: 'right', width: 64 },
          { title: '中国计生协采用', dataIndex: 'nationalAdopted', align: 'right', width: 120 },
        ]}
        summary={() =>
          report.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{report.data.totals.submitted}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{report.data.totals.adopted}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{report.data.totals.nationalAdopted}</Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}

type ScoreRow = Schemas['ScoreReport']['rows'][number];

/** 附件2: counts and points per unit from 1 January through the end of the period (or today). */
export function ScoreTab({ period, picker }: TabProps) {
  const today = shanghai().format('YYYY-MM-DD');
  const end = rangeOf(period).to;
  const through = end > today && today.startsWith(`${period.year}-`) ? today : end;
  const params = { year: period.year, through };
  const report = useQuery({ queryKey: ['report', 'scores', params], queryFn: () => unwrap(api.GET('/v1/reports/scores', { params: { query: params } })) });
  return (
    <Card>
      <Toolbar picker={picker}>
        <Download href={`/v1/reports/scores?${query({ ...params, format: 'xlsx' })}`}>Excel</Download>
        <Download href={`/v1/reports/scores?${query({ ...params, format: 'csv' })}`}>CSV</Download>
      </Toolbar>
      <Typography.Paragraph type="secondary">统计区间：{period.year}-01-01 至 {through}</Typography.Paragraph>
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      <Table<ScoreRow>
        rowKey="unitCode"
        size="small"
        loading={report.isPending}
        dataSource={report.data?.rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 56, fixed: 'left' },
          { title: '单位', dataIndex: 'unitName', width: 120, fixed: 'left' },
          { title: '报送', dataIndex: 'submitted', align: 'right' },
          { title: '报送得分', dataIndex: 'submittedPoints', align: 'right' },
          { title: '采用', dataIndex: 'adopted', align: 'right' },
          { title: '采用得分', dataIndex: 'adoptedPoints', align: 'right' },
          { title: '国家采用', dataIndex: 'nationalAdopted', align: 'right' },
          { title: '国家得分', dataIndex: 'nationalAdoptedPoints', align: 'right' },
          { title: '总分', dataIndex: 'total', align: 'right' },
        ]}
      />
    </Card>
  );
}
