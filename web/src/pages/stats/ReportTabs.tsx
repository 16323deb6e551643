import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, List, Row, Skeleton, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, unwrap, type Schemas } from '../../api/client';
import { shanghai } from '../../components/time';
import { PART_LABELS, quarterOf, rangeOf, type Period } from './period';

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
        scroll={{ x: 420 }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 56 },
          { title: '单位', dataIndex: 'unitName' },
          { title: '报送', dataIndex: 'submitted', align: 'right', width: 64 },
          { title: '采用', dataIndex: 'adopted', align: 'right', width: 64 },
          { title: '中国计生协采用', dataIndex: 'nationalAdopted', align: 'right', width: 90 },
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

type Ranked = Schemas['Bulletin']['topSubmitted'];

function TopList({ title, rows }: { title: string; rows: Ranked }) {
  return (
    <Card size="small" title={title}>
      <List size="small" dataSource={rows} locale={{ emptyText: '暂无' }} renderItem={(r) => <List.Item><span>{r.rank}. {r.unitName}</span><span>{r.value}</span></List.Item>} />
    </Card>
  );
}

/** 通报: the overall-situation text written from the figures, the top lists, and the Word / Excel downloads. */
export function BulletinTab({ period, picker }: TabProps) {
  const params = { year: period.year, quarter: quarterOf(period) };
  const bulletin = useQuery({ queryKey: ['report', 'bulletin', params], queryFn: () => unwrap(api.GET('/v1/reports/bulletin', { params: { query: params } })) });
  const b = bulletin.data;
  return (
    <Card>
      <Toolbar picker={picker}>
        <Download href={`/v1/reports/bulletin?${query({ ...params, format: 'docx' })}`}>下载通报（Word）</Download>
        <Download href={`/v1/reports/bulletin?${query({ ...params, format: 'xlsx' })}`}>Excel</Download>
      </Toolbar>
      {!period.part.startsWith('Q') && <Alert type="info" showIcon title={`通报按季度编写：${PART_LABELS[period.part]}显示第${params.quarter}季度的通报。`} style={{ marginBottom: 12 }} />}
      {bulletin.error && <Alert type="error" showIcon title={bulletin.error.message} />}
      {bulletin.isPending ? (
        <Skeleton active />
      ) : (
        b && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 2, md: 4 }} bordered>
              <Descriptions.Item label="报送">{b.totals.submitted}</Descriptions.Item>
              <Descriptions.Item label="采用">{b.totals.adopted}</Descriptions.Item>
              <Descriptions.Item label="中国计生协采用">{b.totals.nationalAdopted}</Descriptions.Item>
              <Descriptions.Item label="采用率">{b.totals.adoptionRate === null ? '—' : `${Math.round(b.totals.adoptionRate * 1000) / 10}%`}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ margin: 0 }}>一、信息报送总体情况</Typography.Title>
            <Typography.Paragraph data-testid="bulletin-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>{b.text}</Typography.Paragraph>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12} xl={6}><TopList title="报送数量前列" rows={b.topSubmitted} /></Col>
              <Col xs={24} md={12} xl={6}><TopList title="采用数量前列" rows={b.topAdopted} /></Col>
              <Col xs={24} md={12} xl={6}><TopList title="累计得分前列" rows={b.topScore} /></Col>
              <Col xs={24} md={12} xl={6}><TopList title="中国计生协采用" rows={b.nationalAdoptions} /></Col>
            </Row>
          </Space>
        )
      )}
    </Card>
  );
}
