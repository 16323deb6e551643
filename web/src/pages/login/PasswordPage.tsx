import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { homeOf, ME_KEY, useSignedIn } from '../../session/session';
import { CenteredCard } from './CenteredCard';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: required on the first sign-in, before anything else. */
export default function PasswordPage() {
  const me = useSignedIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => unwrap(api.POST('/v1/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: async () => {
      const now = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => unwrap(api.GET('/v1/me')), staleTime: 0 });
      navigate(homeOf(now.role), { replace: true });
    },
  });
  return (
    <CenteredCard>
      <Card>
        <Typography.Title level={4}>设置新密码</Typography.Title>
        <Typography.Paragraph type="secondary">
          {me.mustChangePassword ? `${me.name ? `${me.name}，` : ''}首次登录请先设置自己的密码。` : '修改登录密码。'}
        </Typography.Paragraph>
        {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
        <Form<Values> layout="vertical" onFinish={(values) => change.mutate(values)} requiredMark={false}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>保存新密码</Button>
        </Form>
      </Card>
    </CenteredCard>
  );
}
