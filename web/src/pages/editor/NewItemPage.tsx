import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { KIND_LABEL, useCommissionTasks } from '../commissions/queries';
import { api, unwrap } from '../../api/client';
import { ItemFields, toBody, type FormValues } from './ItemFields';

/** 撰写: a new draft; once saved, the editor goes on in 编辑 with photos and live checks. */
export default function NewItemPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  // 撰写回复 comes here with the commission it answers; any open assignment of the unit may be chosen.
  const commissions = useCommissionTasks();
  const open = (commissions.data?.items ?? []).filter((t) => t.state === 'open');
  const [form] = Form.useForm<FormValues>();
  // An answer is of the kind the commission asks for (调研报告, 案例征集…), unless the editor changes it.
  const takeKindOf = (commissionId: string | undefined) => {
    const kind = open.find((t) => t.commissionId === commissionId)?.kind;
    if (kind) form.setFieldValue('kind', kind);
  };
  const linked = params.get('commission') ?? undefined;
  const loaded = open.length > 0;
  useEffect(() => {
    if (loaded && !form.isFieldTouched('kind')) takeKindOf(form.getFieldValue('commissionId'));
  }, [loaded, linked]);
  const create = useMutation({
    mutationFn: (values: FormValues) => unwrap(api.POST('/v1/submissions', { body: { ...toBody(values), ...(values.commissionId ? { commissionId: values.commissionId } : {}), title: values.title, eventDate: values.eventDate.format('YYYY-MM-DD') } })),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      navigate(`/items/${(item as { id: string }).id}/edit`, { replace: true });
    },
  });
  return (
    <Card style={{ maxWidth: 860 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>撰写信息</Typography.Title>
      <Typography.Paragraph type="secondary">先填写标题和事件日期并保存草稿，随后即可上传图片，并实时看到质量检查结果。</Typography.Paragraph>
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={(values) => create.mutate(values)} initialValues={{ commissionId: linked }}>
        {(open.length > 0 || linked) && (
          <Form.Item name="commissionId" label="回复约稿" extra="报送后即视为对该约稿的回复">
            <Select
              allowClear
              aria-label="回复约稿"
              placeholder="不回复约稿"
              loading={commissions.isPending}
              onChange={takeKindOf}
              options={open.map((t) => ({ value: t.commissionId, label: `${t.title}（${KIND_LABEL[t.kind]}，${t.dueDate}截止）` }))}
            />
          </Form.Item>
        )}
        <ItemFields />
        <Button type="primary" htmlType="submit" loading={create.isPending}>保存草稿</Button>
      </Form>
    </Card>
  );
}
