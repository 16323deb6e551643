import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { api, unwrap } from '../../api/client';
import { isConflict } from '../../components/ActionBar';
import { useWords } from '../../api/lifecycle';
import { useCommissionRefresh, type Assignment } from './queries';

type Action = Assignment['allowedActions'][number];

/** Actions that need a reason, and what the dialog asks for. */
const REASON_PROMPT: Partial<Record<Action, string>> = {
  decline: '请说明本单位无法回复的原因，由自治区计生协审核',
  refuse_decline: '请说明驳回的理由，约稿单位会看到',
};

/** Exactly the buttons the assignment's allowedActions offers; a conflict reloads and says so. */
export function AssignmentActions({ assignment }: { assignment: Assignment }) {
  const { message } = App.useApp();
  const words = useWords();
  const refresh = useCommissionRefresh(assignment.commissionId);
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: Action; reason?: string }) =>
      unwrap(
        api.POST('/v1/commissions/{id}/assignments/{unitCode}/actions', {
          params: { path: { id: assignment.commissionId, unitCode: assignment.unitCode }, header: { 'if-match': `"${assignment.version}"`, 'idempotency-key': crypto.randomUUID() } },
          body: { action, ...(reason ? { reason } : {}) },
        }),
      ),
    onSuccess: async (_, { action }) => {
      setOpen(null);
      form.resetFields();
      message.success(`「${words.assignmentAction(action)}」已完成`);
      await refresh();
    },
    onError: async (error) => {
      if (isConflict(error)) {
        setOpen(null);
        message.warning('该约稿刚被其他人处理过，已刷新为最新状态，请确认后再操作。');
        await refresh();
      } else message.error(error.message);
    },
  });
  if (assignment.allowedActions.length === 0) return null;
  const press = (action: Action) => (REASON_PROMPT[action] ? setOpen(action) : act.mutate({ action }));
  return (
    <>
      <Space wrap size={8}>
        {assignment.allowedActions.map((action) => (
          <Button key={action} size="small" type={action === 'accept_decline' ? 'primary' : 'default'} danger={action !== 'accept_decline'} loading={act.isPending && act.variables?.action === action} onClick={() => press(action)}>
            {words.assignmentAction(action)}
          </Button>
        ))}
      </Space>
      <Modal
        title={open ? words.assignmentAction(open) : ''}
        open={open !== null}
        okText={open ? `确认${words.assignmentAction(open)}` : '确定'}
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.validateFields().then(({ reason }) => open && act.mutate({ action: open, reason }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: open ? REASON_PROMPT[open] : '' }]} extra={open ? REASON_PROMPT[open] : ''}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} aria-label="理由" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
