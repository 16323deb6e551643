import type { Schemas } from '../api/client';

export type ItemKind = Schemas['Submission']['kind'];

/** The kinds of item in Chinese: the editor offers them, a commission asks for one of them. */
export const KIND_LABEL: Record<ItemKind, string> = { news: '信息', case: '案例征集', report: '调研报告' };
export const KIND_OPTIONS = (Object.keys(KIND_LABEL) as ItemKind[]).map((value) => ({ value, label: KIND_LABEL[value] }));
