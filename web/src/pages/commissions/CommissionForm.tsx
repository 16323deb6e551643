import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { isConflict } from '../../components/ActionBar';
import { shanghai } from '../../components/time';
import { useUnits } from '../../components/useUnits';
import { KIND_OPTIONS } from '../../components/itemKind';
import { commissionKey, type Commission } from './queries';

interface Values {
  title: string;
  requirements: string;
  kind: Commission['kind'];
  target: 'all' | 'chosen';
  unitCodes?: string[];
  dueBy: 'date' | 'workdays';
  dueDate?: Dayjs;
  dueWorkdays?: number;
  points?: number | null;
}

function dueOf(values: Values) {
  return values.dueBy === 'workdays' ? { dueWorkdays: values.dueWorkdays } : { dueDate: values.dueDate?.format('YYYY-MM-DD') };
}

/** 发布约稿 (no commission given) or 修改 (until the first answer): the API checks every rule. */
export function CommissionForm({ commission, onDone }: { commission?: Commission; onDone: (saved: Commission) => void }) {
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const common = { title: values.title, requirements: values.requirements, kind: values.kind, points: values.points ?? null, ...dueOf(values) };
      if (commission)
        return unwrap(api.PATCH('/v1/commissions/{id}', { params: { path: { id: commission.id }, header: { 'if-match': `"${commission.version}"` } }, body: common }));
      return unwrap(api.POST('/v1/commissions', { params: { header: { 'idempotency-key': crypto.randomUUID() } }, body: { ...common, unitCodes: values.target === 'all' ? 'all' : (values.unitCodes ?? []) } }));
    },
    onSuccess: (saved) => onDone(saved as Commission),
    // Someone else changed or answered it first: reload it, the alert says what happened.
    onError: (error) => {
      if (commission && isConflict(error)) void queryClient.invalidateQueries({ queryKey: commissionKey(commission.id) });
    },
  });
  const target = Form.useWatch('target', form);
  const dueBy = Form.useWatch('dueBy', form);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(values) => save.mutate(values)}
      initialValues={{
        title: commission?.title,
        requirements: commission?.requirements,
        kind: commission?.kind ?? 'news',
        target: 'all',
        dueBy: 'date',
        dueDate: commission ? shanghai(commission.dueAt) : undefined,
        points: commission?.points ?? null,
      }}
    >
      {save.error && (
        <Alert type="error" showIcon title={isConflict(save.error) ? `${save.error.message}（已刷新为最新状态）` : save.error.message} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="title" label="约稿主题" rules={[{ required: true, whitespace: true, message: '请填写约稿主题' }]}>
        <Input maxLength={200} placeholder="如：关于报送优生优育进家庭工作情况的约稿通知" />
      </Form.Item>
      <Form.Item name="requirements" label="约稿要求" rules={[{ required: true, whitespace: true, message: '请写明要报送的内容和要求' }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder="写明报送内容、字数、图片等要求" />
      </Form.Item>
      <Form.Item name="kind" label="稿件类别">
        <Radio.Group options={KIND_OPTIONS} />
      </Form.Item>
      {!commission && (
        <>
          <Form.Item name="target" label="约稿单位">
            <Radio.Group options={[{ value: 'all', label: '全部盟市' }, { value: 'chosen', label: '指定单位' }]} />
          </Form.Item>
          {target === 'chosen' && (
            <Form.Item name="unitCodes" label="选择单位" rules={[{ required: true, message: '请至少选择一个单位' }]}>
              <Select
                mode="multiple"
                aria-label="选择单位"
                placeholder="选择约稿单位"
                loading={units.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(units.data ?? []).filter((u) => u.kind !== 'region').map((u) => ({ value: u.code, label: u.name }))}
              />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="dueBy" label="截止时间">
        <Radio.Group options={[{ value: 'date', label: '指定日期' }, { value: 'workdays', label: '若干个工作日内' }]} />
      </Form.Item>
      {dueBy === 'workdays' ? (
        <Form.Item name="dueWorkdays" label="工作日数（从今天起）" rules={[{ required: true, message: '请填写工作日数' }]}>
          <InputNumber min={1} max={250} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name="dueDate" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(shanghai(), 'day')} />
        </Form.Item>
      )}
      <Form.Item name="points" label="按时报送加分（可不填）">
        <InputNumber min={0} max={1000} style={{ width: '100%' }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{commission ? '保存修改' : '发布约稿'}</Button>
      </Space>
    </Form>
  );
}
