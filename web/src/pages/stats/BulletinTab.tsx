import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { api, unwrap, type BodyOf, type Schemas } from '../../api/client';
import { useSignedIn } from '../../session/session';
import { PART_LABELS, quarterOf, type Period } from './period';

type Bulletin = Schemas['BulletinDocument'];
type Ranked = Bulletin['topSubmitted'];
type Sections = BodyOf<'/v1/bulletins/{id}', 'patch'>;

/** Managers and admins write bulletins; everyone else reads the issued ones. */
const WRITERS = new Set(['manager', 'admin']);

function TopList({ title, rows }: { title: string; rows: Ranked }) {
  return (
    <Card size="small" title={title}>
      <List size="small" dataSource={rows} locale={{ emptyText: '暂无' }} renderItem={(r) => <List.Item><span>{r.rank}. {r.unitName}</span><span>{r.value}</span></List.Item>} />
    </Card>
  );
}

const bulletinsKey = (year: number) => ['bulletins', year] as const;

/**
 * 通报: the quarter's bulletin as a document with a life — a draft made from the data, the narrative
 * sections written here, then 印发 with its number, after which its figures stay as issued. Word,
 * Excel and CSV downloads of the same document.
 */
export function BulletinTab({ period, picker }: { period: Period; picker: ReactNode }) {
  const me = useSignedIn();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const quarter = quarterOf(period);
  const list = useQuery({ queryKey: bulletinsKey(period.year), queryFn: () => unwrap(api.GET('/v1/bulletins', { params: { query: { year: period.year } } })) });
  const summary = list.data?.bulletins.find((b) => b.quarter === quarter);
  const bulletin = useQuery({
    queryKey: ['bulletin', summary?.id],
    queryFn: () => unwrap(api.GET('/v1/bulletins/{id}', { params: { path: { id: summary!.id } } })),
    enabled: Boolean(summary),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/bulletins', { body: { year: period.year, quarter } })),
    onSuccess: async () => {
      message.success('已生成通报草稿');
      await queryClient.invalidateQueries({ queryKey: bulletinsKey(period.year) });
    },
    onError: (error) => message.error(error.message),
  });

  const note = !period.part.startsWith('Q') && (
    <Alert type="info" showIcon title={`通报按季度编写：${PART_LABELS[period.part]}显示第${quarter}季度的通报。`} style={{ marginBottom: 12 }} />
  );
  if (list.isPending || (summary && bulletin.isPending)) return <Card>{picker}<Skeleton active /></Card>;
  const error = list.error ?? bulletin.error;
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>{picker}</Space>
      {note}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {!summary ? (
        <Empty description={`${period.year}年第${quarter}季度还没有通报`}>
          {WRITERS.has(me.role) && (
            <Button type="primary" icon={<FileAddOutlined />} loading={create.isPending} onClick={() => create.mutate()}>生成通报草稿</Button>
          )}
        </Empty>
      ) : (
        bulletin.data && <BulletinView bulletin={bulletin.data} writable={WRITERS.has(me.role)} />
      )}
    </Card>
  );
}

function BulletinView({ bulletin: b, writable }: { bulletin: Bulletin; writable: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Sections>();
  const [issuing, setIssuing] = useState(false);
  const [issueForm] = Form.useForm<{ number: string }>();
  const draft = b.status === 'draft';
  useEffect(() => form.setFieldsValue({ sections: b.sections, contact: b.contact }), [b, form]);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['bulletin', b.id] }), queryClient.invalidateQueries({ queryKey: bulletinsKey(b.year) })]);
  const save = useMutation({
    mutationFn: (body: Sections) => unwrap(api.PATCH('/v1/bulletins/{id}', { params: { path: { id: b.id } }, body })),
    onSuccess: async () => {
      message.success('已保存');
      await refresh();
    },
  });
  const issue = useMutation({
    mutationFn: (body: { number: string }) => unwrap(api.POST('/v1/bulletins/{id}/issue', { params: { path: { id: b.id } }, body })),
    onSuccess: async () => {
      setIssuing(false);
      message.success('已印发，数字已固定');
      await refresh();
    },
  });
  const file = (format: 'docx' | 'xlsx' | 'csv') => `/v1/bulletins/${b.id}?format=${format}`;
  const rate = b.totals.adoptionRate === null ? '—' : `${Math.round(b.totals.adoptionRate * 1000) / 10}%`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>{b.title}</Typography.Title>
          {draft ? <Tag color="gold">草稿</Tag> : <Tag color="green">已印发 {b.number} · {b.issuedOn}</Tag>}
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={file('docx')} download>下载通报（Word）</Button>
          <Button icon={<DownloadOutlined />} href={file('xlsx')} download>Excel</Button>
          <Button icon={<DownloadOutlined />} href={file('csv')} download>CSV</Button>
          {draft && writable && <Button type="primary" onClick={() => { issue.reset(); setIssuing(true); }}>印发</Button>}
        </Space>
      </Space>
      {b.rerun?.differs && <Alert type="warning" showIcon title="印发后数据有变化：通报中的数字保持印发时的样子，下载文件可附最新数字对照。" />}
      <Descriptions size="small" column={{ xs: 2, md: 4 }} bordered>
        <Descriptions.Item label="报送">{b.totals.submitted}</Descriptions.Item>
        <Descriptions.Item label="采用">{b.totals.adopted}</Descriptions.Item>
        <Descriptions.Item label="中国计生协采用">{b.totals.nationalAdopted}</Descriptions.Item>
        <Descriptions.Item label="采用率">{rate}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ margin: 0 }}>一、信息报送总体情况</Typography.Title>
      <Typography.Paragraph data-testid="bulletin-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, margin: 0 }}>{b.text}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={6}><TopList title="报送数量前列" rows={b.topSubmitted} /></Col>
        <Col xs={24} md={12} xl={6}><TopList title="采用数量前列" rows={b.topAdopted} /></Col>
        <Col xs={24} md={12} xl={6}><TopList title="累计得分前列" rows={b.topScore} /></Col>
        <Col xs={24} md={12} xl={6}><TopList title="中国计生协采用" rows={b.nationalAdoptions} /></Col>
      </Row>
      {save.error && <Alert type="error" showIcon title={save.error.message} />}
      <Form<Sections> form={form} layout="vertical" disabled={!draft || !writable} onFinish={(values) => save.mutate(values)}>
        <Form.Item name={['sections', 'problems']} label="二、存在的突出问题"><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        <Form.Item name={['sections', 'requirements']} label="三、下一步工作要求"><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        <Form.Item name={['sections', 'closing']} label="结束语"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12} md={8}><Form.Item name={['contact', 'name']} label="联系人"><Input /></Form.Item></Col>
          <Col xs={24} sm={12} md={8}><Form.Item name={['contact', 'phone']} label="联系电话"><Input inputMode="tel" /></Form.Item></Col>
        </Row>
        {draft && writable && <Button htmlType="submit" type="primary" ghost loading={save.isPending}>保存</Button>}
      </Form>
      <Modal open={issuing} title="印发通报" okText="印发" cancelText="取消" confirmLoading={issue.isPending} onCancel={() => setIssuing(false)} onOk={() => issueForm.submit()}>
        <Typography.Paragraph type="secondary">印发后，通报中的数字固定为当前数据，之后的变化不再影响本通报。</Typography.Paragraph>
        {issue.error && <Alert type="error" showIcon title={issue.error.message} style={{ marginBottom: 12 }} />}
        <Form form={issueForm} layout="vertical" onFinish={(values) => issue.mutate(values)}>
          <Form.Item name="number" label="文号" rules={[{ required: true, whitespace: true, message: '请填写文号，如：内计生协字〔2026〕12号' }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
