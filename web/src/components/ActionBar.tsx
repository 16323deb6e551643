import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { api, ApiError, request, unwrap, type BodyOf, type Schemas } from '../api/client';
import { useWords } from '../api/lifecycle';
import { useSignedIn } from '../session/session';

type Item = Schemas['Submission'];
type ActionBody = BodyOf<'/v1/submissions/{id}/actions', 'post'>;
type Action = ActionBody['action'];

/** The first of these the item allows is the primary button; the rest follow. */
const PRIMARY = ['sign_off', 'request_signoff', 'adopt', 'forward_national', 'record_national_adoption', 'claim'];
const DANGEROUS = new Set(['withdraw', 'reject', 'recall', 'release_claim']);

/** Someone else acted first: the item is reloaded and the person told in Chinese. */
export const CONFLICT_MESSAGE = '这条信息刚被其他人处理过，已刷新为最新状态，请确认后再操作。';

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 409 || error.status === 412);
}

/** What to tell the person after a conflict, once the item is reloaded. */
export function conflictMessage(error: ApiError): string {
  return ['precondition_failed', 'version_conflict'].includes(error.code) ? CONFLICT_MESSAGE : `${error.message}（已刷新为最新状态）`;
}

/** Commands that change an item refresh it, its history and everyone's task lists. */
export function useItemRefresh(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['item', id] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['items'] }),
      queryClient.invalidateQueries({ queryKey: ['me'] }),
    ]);
}

interface Values {
  reason?: string;
  signer?: string;
  to?: string;
  gates?: string[];
}

/** Exactly the buttons the caller may press (the item's allowedActions), with a dialog for what an action needs. */
export function ActionBar({ item }: { item: Item }) {
  const words = useWords();
  const me = useSignedIn();
  const { message } = App.useApp();
  const refresh = useItemRefresh(item.id);
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const act = useMutation({
    mutationFn: ({ action, values }: { action: string; values: Values }) => {
      const gates = values.gates ? Object.fromEntries(values.gates.map((g) => [g, true])) : undefined;
      const body: ActionBody = { action: action as Action, reason: values.reason, signer: values.signer, to: values.to, gates };
      return unwrap(api.POST('/v1/submissions/{id}/actions', { params: { path: { id: item.id }, header: { 'if-match': `"${item.version}"` } }, body }));
    },
    onSuccess: async (_, { action }) => {
      setOpen(null);
      message.success(`「${words.action(action)}」已完成`);
      await refresh();
    },
    onError: async (error) => {
      if (isConflict(error)) {
        setOpen(null);
        message.warning(conflictMessage(error));
        await refresh();
      }
    },
  });

  const fieldsOf = (action: string) => words.fieldsOf(action);
  const press = (action: string) => {
    if (fieldsOf(action).length === 0) {
      act.mutate({ action, values: {} });
      return;
    }
    act.reset();
    form.resetFields();
    form.setFieldsValue({ signer: me.name });
    setOpen(action);
  };

  const actions = [...item.allowedActions].sort((a, b) => rank(a) - rank(b));
  if (actions.length === 0) return null;
  const fields = open ? fieldsOf(open) : [];
  return (
    <>
      <Space wrap data-testid="actions">
        {actions.map((action, i) => (
          <Button
            key={action}
            type={i === 0 && PRIMARY.includes(action) ? 'primary' : 'default'}
            danger={DANGEROUS.has(action)}
            loading={act.isPending && act.variables?.action === action}
            onClick={() => press(action)}
          >
            {words.action(action)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? words.action(open) : ''}
        okText={open ? `确认${words.action(open)}` : '确认'}
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(values) => open && act.mutate({ action: open, values })} preserve={false}>
          {act.error && !isConflict(act.error) && <Form.ErrorList errors={[act.error.message]} />}
          {fields.includes('gates') && (
            <Form.Item
              name="gates"
              label="五关确认（签发前须逐项确认）"
              rules={[{ validator: (_, v: string[] | undefined) => ((v?.length ?? 0) === words.gates.length ? Promise.resolve() : Promise.reject(new Error('五关须全部确认后才能签发'))) }]}
            >
              <Checkbox.Group options={words.gates.map((g) => ({ value: g.name, label: g.label }))} />
            </Form.Item>
          )}
          {fields.includes('signer') && (
            <Form.Item name="signer" label="签发人" rules={[{ required: true, whitespace: true, message: '请填写签发人' }]}>
              <Input />
            </Form.Item>
          )}
          {fields.includes('to') && <ReviewerField />}
          {fields.includes('reason') && (
            <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由，撰稿人会看到' }]}>
              <Input.TextArea rows={4} placeholder="写明原因和修改意见" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function rank(action: string): number {
  const i = PRIMARY.indexOf(action);
  return i === -1 ? PRIMARY.length + (DANGEROUS.has(action) ? 1 : 0) : i;
}

/** The reviewer to hand a task to (reassign). */
function ReviewerField() {
  const people = useQuery({ queryKey: ['people'], queryFn: () => request<Array<{ id: string; name: string; role: string }>>('GET', '/v1/people') });
  return (
    <Form.Item name="to" label="转交给" rules={[{ required: true, message: '请选择自治区编辑' }]}>
      <Select loading={people.isPending} options={(people.data ?? []).filter((p) => p.role === 'reviewer').map((p) => ({ value: p.id, label: p.name }))} />
    </Form.Item>
  );
}
