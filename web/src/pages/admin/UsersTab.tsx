import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap, type BodyOf } from '../../api/client';
import { useWords } from '../../api/lifecycle';
import { dateOf, dateTimeOf } from '../../components/time';
import { useUnits } from '../../components/useUnits';

type User = { id: string; name: string; login: string | null; role: string; unitCode: string | null; disabled: boolean; mustChangePassword: boolean; createdAt: string };
type NewUser = BodyOf<'/v1/users', 'post'>;
const UNIT_ROLES = new Set(['editor', 'approver']);
const ROLES = ['editor', 'approver', 'reviewer', 'manager', 'admin'] as const;
const USERS = ['users'];

/** People: create with an initial password (changed at first sign-in), reset a password, disable, see tokens. */
export function UsersTab() {
  const words = useWords();
  const units = useUnits();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: USERS, queryFn: () => unwrap(api.GET('/v1/users')) as Promise<User[]> });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [tokensOf, setTokensOf] = useState<User | null>(null);
  const [createForm] = Form.useForm<NewUser>();
  const [resetForm] = Form.useForm<{ initialPassword: string }>();
  const role = Form.useWatch('role', createForm);
  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS });
  const unitName = (code: string | null) => (units.data ?? []).find((u) => u.code === code)?.name ?? code ?? '—';

  const create = useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/v1/users', { body })),
    onSuccess: async (user) => {
      setCreating(false);
      message.success(`已创建 ${user.name}，首次登录时须修改密码`);
      await refresh();
    },
  });
  const reset = useMutation({
    mutationFn: ({ id, initialPassword }: { id: string; initialPassword: string }) => unwrap(api.POST('/v1/users/{id}/password', { params: { path: { id } }, body: { initialPassword } })),
    onSuccess: async () => {
      setResetting(null);
      message.success('已重置密码，该用户下次登录时须修改密码');
      await refresh();
    },
  });
  const disable = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/users/{id}/disable', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success('已停用');
      await refresh();
    },
    onError: (error) => message.error(error.message),
  });

  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { create.reset(); createForm.resetFields(); setCreating(true); }}>新建用户</Button>
      </Space>
      {users.error && <Alert type="error" showIcon title={users.error.message} />}
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.isPending}
        dataSource={users.data}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left', width: 110 },
          { title: '登录名', dataIndex: 'login', render: (v: string | null) => v ?? <Typography.Text type="secondary">（仅令牌）</Typography.Text> },
          { title: '角色', dataIndex: 'role', render: (r: string) => words.role(r) },
          { title: '单位', dataIndex: 'unitCode', render: unitName },
          {
            title: '状态',
            key: 'status',
            render: (_, u) => (u.disabled ? <Tag>已停用</Tag> : u.mustChangePassword ? <Tag color="gold">待改密码</Tag> : <Tag color="green">正常</Tag>),
          },
          { title: '创建', dataIndex: 'createdAt', render: dateOf, responsive: ['lg'] },
          {
            title: '操作',
            key: 'actions',
            render: (_, u) =>
              !u.disabled && (
                <Space size={0} wrap>
                  {u.login && <Button type="link" size="small" onClick={() => { reset.reset(); resetForm.resetFields(); setResetting(u); }}>重置密码</Button>}
                  <Button type="link" size="small" onClick={() => setTokensOf(u)}>令牌</Button>
                  <Popconfirm title={`停用 ${u.name}？停用后其会话和令牌立即失效。`} okText="停用" cancelText="取消" onConfirm={() => disable.mutate(u.id)}>
                    <Button type="link" size="small" danger>停用</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={creating} title="新建用户" okText="创建" cancelText="取消" confirmLoading={create.isPending} onCancel={() => setCreating(false)} onOk={() => createForm.submit()}>
        <Form<NewUser> form={createForm} layout="vertical" onFinish={(values) => create.mutate(values)}>
          {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input /></Form.Item>
          <Form.Item name="login" label="登录名" rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: words.role(r) }))} />
          </Form.Item>
          {role && UNIT_ROLES.has(role) && (
            <Form.Item name="unitCode" label="单位" rules={[{ required: true, message: '撰稿和审签人员须属于一个单位' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))} />
            </Form.Item>
          )}
          <Form.Item name="initialPassword" label="初始密码" extra="告知本人；首次登录时须改为自己的密码" rules={[{ required: true, message: '请设置初始密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={resetting !== null} title={`重置 ${resetting?.name ?? ''} 的密码`} okText="重置" cancelText="取消" confirmLoading={reset.isPending} onCancel={() => setResetting(null)} onOk={() => resetForm.submit()}>
        <Form form={resetForm} layout="vertical" onFinish={({ initialPassword }) => resetting && reset.mutate({ id: resetting.id, initialPassword })}>
          {reset.error && <Alert type="error" showIcon title={reset.error.message} style={{ marginBottom: 12 }} />}
          <Form.Item name="initialPassword" label="新的初始密码" rules={[{ required: true, message: '请设置新的初始密码' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={tokensOf !== null} title={`${tokensOf?.name ?? ''} 的令牌`} footer={null} onCancel={() => setTokensOf(null)}>
        {tokensOf && <Tokens user={tokensOf} />}
      </Modal>
    </Card>
  );
}

type Token = { id: string; name: string | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

function Tokens({ user }: { user: User }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['users', user.id, 'tokens'];
  const tokens = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/v1/users/{id}/tokens', { params: { path: { id: user.id } } })) as Promise<Token[]> });
  const revoke = useMutation({
    mutationFn: (itemId: string) => unwrap(api.DELETE('/v1/users/{id}/tokens/{itemId}', { params: { path: { id: user.id, itemId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
    onError: (error) => message.error(error.message),
  });
  return (
    <Table<Token>
      rowKey="id"
      size="small"
      loading={tokens.isPending}
      dataSource={tokens.data}
      pagination={false}
      locale={{ emptyText: '没有令牌' }}
      columns={[
        { title: '名称', dataIndex: 'name', render: (n: string | null) => n ?? '—' },
        { title: '最近使用', dataIndex: 'lastUsedAt', render: dateTimeOf },
        {
          title: '',
          key: 'revoke',
          render: (_, t) => (t.revokedAt ? <Tag>已吊销</Tag> : <Button size="small" danger onClick={() => revoke.mutate(t.id)}>吊销</Button>),
        },
      ]}
    />
  );
}
