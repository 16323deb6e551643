import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ItemFields, toBody, type FormValues } from './ItemFields';

/** 撰写: a new draft; once saved, the editor goes on in 编辑 with photos and live checks. */
export default function NewItemPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: FormValues) => unwrap(api.POST('/v1/submissions', { body: { ...toBody(values), title: values.title, eventDate: values.eventDate.format('YYYY-MM-DD') } })),
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
      <Form<FormValues> layout="vertical" onFinish={(values) => create.mutate(values)}>
        <ItemFields />
        <Button type="primary" htmlType="submit" loading={create.isPending}>保存草稿</Button>
      </Form>
    </Card>
  );
}
