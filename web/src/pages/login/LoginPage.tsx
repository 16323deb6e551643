import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { homeOf, ME_KEY, PASSWORD_PENDING } from '../../session/session';
import { CenteredCard } from './CenteredCard';

/** 登录: login name and password; back to where the person was, or their role's home. */
export default function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (body: { login: string; password: string }) => unwrap(api.POST('/v1/session', { body })),
    onSuccess: async ({ user }) => {
      queryClient.clear();
      if (user.mustChangePassword) {
        queryClient.setQueryData(ME_KEY, { ...PASSWORD_PENDING, name: user.name, login: user.login, role: user.role });
        navigate('/password', { replace: true });
        return;
      }
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => unwrap(api.GET('/v1/me')) });
      navigate(safeNext(params.get('next')) ?? homeOf(user.role), { replace: true });
    },
  });
  return (
    <CenteredCard>
      <Card>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>信息报送工作台</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>内蒙古自治区计划生育协会</Typography.Paragraph>
        {signIn.error && <Alert type="error" showIcon title={signIn.error.message} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          <Form.Item label="登录名" name="login" rules={[{ required: true, message: '请输入登录名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>登录</Button>
        </Form>
      </Card>
    </CenteredCard>
  );
}

/** Only paths of this console: never an address elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}
