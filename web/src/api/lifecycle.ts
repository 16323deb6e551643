import { useQuery } from '@tanstack/react-query';
import { ApiError, request } from './client';

/** `GET /v1/lifecycle`: the machine's own names for states, actions, roles and the 五关 gates. */
export interface Lifecycle {
  states: Array<{ name: string; label: string; final: boolean; tags: string[] }>;
  actions: Array<{ name: string; label: string; fields: Array<'reason' | 'signer' | 'to' | 'gates'>; roles: string[] }>;
  roles: Array<{ name: string; label: string }>;
  gates: Array<{ name: string; label: string }>;
}

/**
 * Only for a service that does not yet answer `/v1/lifecycle` (older builds): the same words the
 * machine serves, so that the console stays readable. The service's answer always wins.
 */
const OLDER_SERVICE: Lifecycle = {
  states: [
    ['draft', '草稿'], ['awaiting_signoff', '待审签'], ['submitted', '已报送'], ['adopted', '已采用'],
    ['forwarded_national', '已报送中国计生协'], ['rejected', '不予采用'], ['national_adopted', '中国计生协采用'],
    ['national_declined', '中国计生协未采用'], ['withdrawn', '已撤回'], ['expired', '已过期'],
  ].map(([name, label]) => ({ name, label, final: ['rejected', 'national_adopted', 'national_declined', 'withdrawn', 'expired'].includes(name), tags: [] })),
  actions: ([
    ['request_signoff', '提交审签', []], ['withdraw', '撤回', []], ['sign_off', '签发', ['signer']],
    ['return', '退回', ['reason']], ['adopt', '采用', []], ['reject', '不予采用', ['reason']],
    ['return_for_revision', '退回修改', ['reason']], ['forward_national', '报送中国计生协', []],
    ['record_national_adoption', '中国计生协采用', []], ['record_national_decline', '中国计生协未采用', []],
    ['recall', '撤回', ['reason']], ['claim', '认领', []], ['unclaim', '释放', []],
  ] as const).map(([name, label, fields]) => ({ name, label, fields: [...fields], roles: [] })),
  roles: [
    ['editor', '撰稿'], ['approver', '审签'], ['reviewer', '自治区编辑'], ['manager', '管理人员'], ['admin', '系统管理员'],
  ].map(([name, label]) => ({ name, label })),
  gates: [
    ['political', '政治关'], ['policy', '政策关'], ['secrecy', '保密关'], ['wording', '文字关'], ['standards', '规范关'],
  ].map(([name, label]) => ({ name, label })),
};

async function fetchLifecycle(): Promise<Lifecycle> {
  try {
    return await request<Lifecycle>('GET', '/v1/lifecycle');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return OLDER_SERVICE;
    throw error;
  }
}

export interface Words {
  state(name: string): string;
  action(name: string): string;
  role(name: string): string;
  fieldsOf(action: string): Lifecycle['actions'][number]['fields'];
  gates: Lifecycle['gates'];
  states: Lifecycle['states'];
}

function wordsOf(lifecycle: Lifecycle): Words {
  const label = (list: Array<{ name: string; label: string }>) => {
    const byName = new Map(list.map((entry) => [entry.name, entry.label]));
    return (name: string) => byName.get(name) ?? name;
  };
  const fields = new Map(lifecycle.actions.map((a) => [a.name, a.fields]));
  return {
    state: label(lifecycle.states),
    action: label(lifecycle.actions),
    role: label(lifecycle.roles),
    fieldsOf: (action) => fields.get(action) ?? [],
    gates: lifecycle.gates,
    states: lifecycle.states,
  };
}

/** The words of the lifecycle, fetched once per session (they change only with a new release). */
export function useWords(): Words {
  const { data } = useQuery({ queryKey: ['lifecycle'], queryFn: fetchLifecycle, staleTime: Infinity });
  return wordsOf(data ?? OLDER_SERVICE);
}
