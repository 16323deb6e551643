import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { shanghai } from '../../components/time';

interface Rules {
  submitted: number;
  adopted: number;
  nationalAdopted: number;
}

/** Points per event for a year (报送、采用、中国计生协采用). */
export function ScoringTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(shanghai().year());
  const [form] = Form.useForm<Rules>();
  const rules = useQuery({ queryKey: ['scoring', year], queryFn: () => unwrap(api.GET('/v1/scoring-rules/{year}', { params: { path: { year } } })) });
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);
  const save = useMutation({
    mutationFn: (body: Rules) => unwrap(api.PUT('/v1/scoring-rules/{year}', { params: { path: { year } }, body })),
    onSuccess: async () => {
      message.success(`已保存${year}年的计分规则`);
      await queryClient.invalidateQueries({ queryKey: ['scoring', year] });
    },
  });
  return (
    <Card style={{ maxWidth: 520 }}>
      <Select aria-label="年度" value={year} onChange={setYear} options={[-1, 0, 1].map((d) => ({ value: shanghai().year() + d, label: `${shanghai().year() + d}年` }))} style={{ marginBottom: 12 }} />
      {rules.data?.inheritedFrom && <Typography.Paragraph type="secondary">本年度尚未设置，沿用{rules.data.inheritedFrom}年的规则。</Typography.Paragraph>}
      {(rules.error ?? save.error) && <Alert type="error" showIcon title={(rules.error ?? save.error)!.message} style={{ marginBottom: 12 }} />}
      <Form<Rules> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="submitted" label="报送一条（分）" rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
        <Form.Item name="adopted" label="自治区采用一条（分）" rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
        <Form.Item name="nationalAdopted" label="中国计生协采用一条（分）" rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
      </Form>
    </Card>
  );
}
