import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** Every error the console shows: the API's stable code and its Chinese message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The one typed client: same-origin, so the HttpOnly session cookie goes along and the browser sends its Origin. */
// JSON answers only: files (reports, bulletins, photos) are downloaded by links, not through this client.
export const api = createClient<paths, 'application/json'>({ baseUrl: '', credentials: 'same-origin' });

type Listener = (error: ApiError) => void;
const sessionListeners = new Set<Listener>();

/** Called when an answer says the session is gone (401) or the password must change first. */
export function onSessionProblem(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/**
 * For the few answers whose message the service still writes in English: what the code means, in
 * Chinese. The service's own Chinese message always wins.
 */
const CHINESE_BY_CODE: Record<string, string> = {
  unauthenticated: '登录已过期，请重新登录',
  forbidden: '您的角色无权进行此操作',
  not_found: '没有找到，或不在您的查看范围内',
  invalid_transition: '该信息当前的状态不允许此操作',
  version_conflict: '这条信息刚被其他人修改过，请刷新后再操作',
  precondition_failed: '这条信息刚被其他人修改过，请刷新后再操作',
  quality_check_failed: '未通过质量检查，请按提示修改后再提交',
  item_stale: '事件已超过两周，不能再采用',
  validation_failed: '填写的内容不符合要求，请检查后重试',
  payload_too_large: '文件太大，请压缩后再上传',
  rate_limited: '操作太频繁，请稍后再试',
  unavailable: '服务暂时不可用，请稍后重试',
};

const hasChinese = (text: string | undefined) => Boolean(text && /[\u4e00-\u9fff]/.test(text));

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  const fallback = status >= 500 ? `服务暂时无法处理请求（HTTP ${status}），请稍后重试` : `请求未被接受（HTTP ${status}）`;
  if (!error?.code) return new ApiError(status, 'http_error', fallback);
  const message = hasChinese(error.message) ? error.message! : (CHINESE_BY_CODE[error.code] ?? fallback);
  return new ApiError(status, error.code, message, error.details);
}

const networkError = () => new ApiError(0, 'network', '无法连接服务，请检查网络后重试');

function report(error: ApiError): ApiError {
  if (error.status === 401 || error.code === 'password_change_required') sessionListeners.forEach((l) => l(error));
  return error;
}

/** Awaits an openapi-fetch call and gives its data, or throws an ApiError with the service's message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await call;
  } catch {
    throw networkError();
  }
  if (!answer.response.ok) throw report(toApiError(answer.response.status, answer.error));
  return answer.data as T;
}

/** For what the generated client cannot express: multipart uploads and routes not yet in the schema. */
export async function request<T>(method: string, url: string, body?: BodyInit | object): Promise<T> {
  const json = body !== undefined && !(body instanceof FormData);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: json ? { 'content-type': 'application/json' } : undefined,
      body: json ? JSON.stringify(body) : (body as BodyInit | undefined),
    });
  } catch {
    throw networkError();
  }
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) throw report(toApiError(response.status, parsed));
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type Schemas = components['schemas'];

/** The JSON body a route takes, from the generated schema. */
export type BodyOf<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and command fails with an ApiError: pages show its Chinese message.
    defaultError: ApiError;
  }
}
