import type { Language } from './language.ts';

/** A text people read, in both languages of the API: Chinese by default, English on request. */
export interface Bilingual {
  zh: string;
  en: string;
}

type Text<P> = string | ((params: P) => string);

interface Entry<P> {
  status: number;
  zh: Text<P>;
  en: Text<P>;
}

const entry = <P = void>(status: number, zh: Text<P>, en: Text<P>): Entry<P> => ({ status, zh, en });

/** English resource names as services pass them to `errors.notFound`, in both languages. */
const RESOURCES: Record<string, Bilingual> = {
  Submission: { zh: '该信息', en: 'Submission' },
  User: { zh: '该用户', en: 'User' },
  Image: { zh: '该图片', en: 'Image' },
  Token: { zh: '该令牌', en: 'Token' },
  Webhook: { zh: '该 webhook', en: 'Webhook' },
  Notification: { zh: '该通知', en: 'Notification' },
  Job: { zh: '该后台任务', en: 'Job' },
  Session: { zh: '该会话（或它已结束）', en: 'Session (or it has ended)' },
  'Scoring rules': { zh: '该年度的计分规则', en: 'Scoring rules' },
  Resource: { zh: '所请求的资源', en: 'Resource' },
  Commission: { zh: '该约稿', en: 'Commission' },
  'Commission rules': { zh: '该年度的约稿规则', en: 'Commission rules' },
  Assignment: { zh: '该单位的约稿任务', en: 'Assignment' },
};

const list = (items: string[], separator: string) => items.join(separator);

/**
 * Every error code of the API with its HTTP status and its message in Chinese and English. The
 * code is the contract and never changes; the texts may improve. Values that vary (a path, a date)
 * are parameters here and usually also in `details`.
 */
export const ERROR_CODES = {
  validation_failed: entry(400, '请求内容不符合要求，请按 details 中的说明修改', 'The request is not valid; see details'),
  unknown_query_parameter: entry<{ names: string[] }>(
    400,
    (p) => `不支持的查询参数：${list(p.names, '、')}（请检查拼写，或查阅接口文档）`,
    (p) => `Unknown query parameter: ${list(p.names, ', ')} (check the spelling, or see the API documentation)`,
  ),
  invalid_url: entry(400, '请求地址含有无法解码的字符（百分号编码有误）', 'The URL holds characters that cannot be decoded (bad percent-encoding)'),
  invalid_cursor: entry(
    400,
    '分页游标无效：请使用上一页返回的 nextCursor，或从第一页重新开始',
    'The page cursor is not valid: use the nextCursor of the previous page, or start again from the first page',
  ),
  invalid_text: entry<{ path: string }>(
    400,
    (p) => `字段 ${p.path} 含有不允许的字符（空字符 U+0000 或不成对的代理字符）`,
    (p) => `Field ${p.path} holds a character that is not allowed (NUL U+0000 or a lone surrogate)`,
  ),
  date_out_of_range: entry(400, '日期超出本服务支持的范围', 'The date is outside the range the service supports'),
  weak_password: entry(400, '密码不符合要求', 'The password does not meet the rules'),
  webhook_url_invalid: entry(400, 'webhook 地址须是完整的 http:// 或 https:// 地址', 'The webhook URL must be a full http:// or https:// address'),
  webhook_url_credentials: entry(400, 'webhook 地址不得包含用户名或密码', 'The webhook URL must not hold a user name or password'),
  webhook_host_forbidden: entry(400, 'webhook 地址指向不允许的内部地址', 'The webhook URL points to an internal address that is not allowed'),
  bad_request: entry(400, '请求无法处理，请检查后重试', 'The request cannot be handled; check it and try again'),
  unauthenticated: entry(401, '请先登录，或在 Authorization 头中提供有效的访问令牌', 'Sign in, or send a valid bearer token'),
  invalid_credentials: entry(401, '登录名或密码不正确', 'Wrong login name or password'),
  forbidden: entry(403, '您的角色无权进行此操作', 'Your role may not do this'),
  cross_site_request: entry(403, '跨站请求被拒绝：请在本系统的页面中操作', 'Cross-site request refused: act from this service’s own pages'),
  password_change_required: entry(403, '首次登录或密码被重置后，请先修改密码', 'Change your password first (first sign-in, or after a reset)'),
  wrong_password: entry(403, '当前密码不正确', 'The current password is wrong'),
  not_found: entry<{ what: Bilingual }>(404, (p) => `找不到${p.what.zh}`, (p) => `${p.what.en} not found`),
  invalid_transition: entry(409, '该信息当前的状态不允许此操作', 'Not possible in the item’s current state'),
  version_conflict: entry(409, '该信息已被他人修改，请刷新后重试', 'The item was changed by someone else; reload and try again'),
  claimed_by_other: entry(409, '该信息已由另一位审核人认领，请其释放后再操作', 'Another reviewer holds the claim on this item'),
  item_stale: entry(409, '事件已超过两周，该信息不能再被采用', 'The event is more than two weeks old: the item can no longer be adopted'),
  unchanged: entry(409, '截止时间保持不变', 'The deadlines stay as they are'),
  login_taken: entry<{ login: string }>(409, (p) => `登录名“${p.login}”已被使用`, (p) => `The login name “${p.login}” is taken`),
  too_many_images: entry(409, '每条信息所附图片数量已达上限', 'The item has as many photos as allowed'),
  bulletin_issued: entry(409, '该通报已印发，内容和数字不能再修改', 'The bulletin is issued: its text and figures can no longer change'),
  bulletin_already_issued: entry(409, '该通报已印发，不能再次印发', 'The bulletin is already issued'),
  commission_answered: entry(409, '已有单位回复该约稿，不能再修改', 'A unit has answered the commission: it can no longer be edited'),
  commission_cancelled: entry(409, '该约稿已取消', 'The commission is cancelled'),
  commission_not_open: entry(409, '本单位的该约稿任务已回复、已采用、已准予不回复或已取消，不能再关联新的信息', 'The unit’s assignment of this commission no longer takes an answer'),
  job_not_failed: entry<{ state: string }>(409, (p) => `该任务当前为 ${p.state} 状态，并非失败，无需重试`, (p) => `The job is ${p.state}, not failed`),
  precondition_failed: entry(412, 'If-Match 与当前版本不符：该信息已被修改，请刷新后重试', 'If-Match does not match the current version'),
  payload_too_large: entry<{ limit?: string }>(
    413,
    (p) => `请求内容过大${p.limit ? `，上限为 ${p.limit}` : ''}`,
    (p) => `The request is too large${p.limit ? `: at most ${p.limit}` : ''}`,
  ),
  too_many_files: entry(413, '一次只能上传一个文件', 'Send one file per request'),
  uri_too_long: entry(414, '请求地址中的参数过长', 'A parameter of the URL is too long'),
  unsupported_media_type: entry<{ sent: string; accepted: string[] }>(
    415,
    (p) => `不支持的内容类型${p.sent ? ` ${p.sent}` : ''}：请以 ${list(p.accepted, '、')} 格式发送`,
    (p) => `Unsupported content type${p.sent ? ` ${p.sent}` : ''}: send ${list(p.accepted, ', ')}`,
  ),
  unsupported_image_type: entry(415, '只接受 JPEG 或 PNG 格式的图片（按文件内容判断）', 'Only JPEG or PNG pictures are accepted (judged by their content)'),
  quality_check_failed: entry(422, '该信息未通过质量检查，请按 details 中的提示修改', 'The item does not pass the quality checks; see details'),
  event_date_in_future: entry<{ date: string; today: string }>(
    422,
    (p) => `事件日期 ${p.date} 晚于今天（北京时间 ${p.today}），不能报送尚未发生的事件`,
    (p) => `The event date ${p.date} is after today (${p.today}, Beijing time): events yet to happen cannot be reported`,
  ),
  event_date_stale: entry(422, '事件日期已超过两周：原则上两周前的信息将不予采用', 'The event is more than two weeks old: such items are not adopted'),
  gates_unconfirmed: entry(422, '签发前须确认五关（政治关、政策关、保密关、文字关、规范关）', 'Confirm all five checks before signing off'),
  not_a_reviewer: entry(422, '只能转交给在职的自治区编辑', 'A claim can only be handed to an active reviewer'),
  bulletin_incomplete: entry(422, '印发前请先撰写“存在的突出问题”和“下一步工作要求”', 'Write the problems and requirements sections before issuing'),
  issued_on_in_future: entry(422, '印发日期不能晚于今天', 'The issue date cannot be after today'),
  issued_before_period: entry(422, '印发日期不能早于统计期间的开始', 'The issue date cannot be before the period begins'),
  period_not_started: entry(422, '统计期间尚未开始，无法生成通报', 'The period has not begun: no bulletin can be made for it'),
  commission_due_in_past: entry<{ date: string; today: string }>(
    422,
    (p) => `约稿截止日期 ${p.date} 早于今天（北京时间 ${p.today}）`,
    (p) => `The due date ${p.date} is before today (${p.today}, Beijing time)`,
  ),
  unknown_unit: entry<{ names: string[] }>(422, (p) => `没有这些代码的报送单位：${list(p.names, '、')}`, (p) => `No reporting unit has these codes: ${list(p.names, ', ')}`),
  reason_required: entry(422, '请填写原因', 'A reason is required'),
  idempotency_key_reused: entry(422, '此 Idempotency-Key 已用于另一个请求：新的请求请使用新的键', 'This Idempotency-Key was used for another request: use a new key'),
  image_invalid: entry(422, '图片文件不完整或已损坏，无法解码，请重新导出后上传', 'The picture is incomplete or damaged and cannot be decoded'),
  image_too_large: entry(422, '图片像素过多，请缩小后上传', 'The picture has too many pixels; scale it down'),
  no_login: entry(422, '该用户没有登录名，不能设置密码', 'This user has no login name, so no password can be set'),
  too_many_auth_failures: entry<{ seconds: number }>(
    429,
    (p) => `身份验证失败次数过多，请 ${p.seconds} 秒后再试`,
    (p) => `Too many failed authentications: try again in ${p.seconds} s`,
  ),
  sign_in_locked: entry<{ minutes: number }>(
    429,
    (p) => `登录失败次数过多，请 ${p.minutes} 分钟后再试`,
    (p) => `Too many failed sign-ins: try again in ${p.minutes} min`,
  ),
  internal_error: entry(500, '服务内部错误，请稍后重试；如持续出现请联系管理员', 'Internal error; try again later, and tell an admin if it persists'),
  service_unavailable: entry(503, '服务暂时不可用，请稍后重试', 'The service is unavailable for the moment; try again later'),
  unavailable: entry(503, '该功能在此进程中不可用', 'Not available in this process'),
};

export type ErrorCode = keyof typeof ERROR_CODES;
type ParamsOf<C extends ErrorCode> = (typeof ERROR_CODES)[C] extends Entry<infer P> ? P : never;

const render = <P>(text: Text<P>, params: P) => (typeof text === 'function' ? text(params) : text);

/**
 * The code's English text without parameters: what English callers read beside a message given in
 * Chinese only. None where the text needs parameters it cannot do without.
 */
function plainEnglish(code: string): string | undefined {
  const found = (ERROR_CODES as Record<string, { en: unknown }>)[code];
  if (!found || typeof found.en === 'string') return found?.en as string | undefined;
  try {
    const text = (found.en as (params: object) => string)({});
    return text.includes('undefined') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The one error type of the service: a stable `code`, an HTTP status, a message in both languages and optional details. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  /** The English message; `message` is the Chinese one. */
  readonly english: string;

  /**
   * `message` in Chinese only (English callers then read the code's text from ERROR_CODES) or in
   * both languages. Prefer `appError(code, params)`, which takes both from the table.
   */
  constructor(status: number, code: string, message: string | Bilingual, details?: unknown) {
    const texts = typeof message === 'string' ? { zh: message, en: plainEnglish(code) ?? message } : message;
    super(texts.zh);
    this.status = status;
    this.code = code;
    this.details = details;
    this.english = texts.en;
  }

  messageIn(language: Language): string {
    return language === 'en' ? this.english : this.message;
  }
}

/** The texts and status of a code of the table, its parameters filled in. */
export function describeError<C extends ErrorCode>(code: C, params: ParamsOf<C>): { status: number; texts: Bilingual } {
  const found = ERROR_CODES[code] as Entry<ParamsOf<C>>;
  return { status: found.status, texts: { zh: render(found.zh, params), en: render(found.en, params) } };
}

/** An error of the table: its status and both texts from ERROR_CODES. */
export function appError<C extends ErrorCode>(code: C, params: ParamsOf<C>, details?: unknown): AppError {
  const { status, texts } = describeError(code, params);
  return new AppError(status, code, texts, details);
}

/** A resource's name in both languages, for `not_found`. */
export const resourceName = (what: string): Bilingual => RESOURCES[what] ?? { zh: what, en: what };

/** One finding in `details`; its message in both languages, picked per request by the error handler. */
export const detail = (path: string, message: Bilingual) => ({ path, message });

export const errors = {
  validation: (message?: string | Bilingual, details?: unknown) =>
    message === undefined ? appError('validation_failed', undefined, details) : new AppError(400, 'validation_failed', message, details),
  unauthenticated: () => appError('unauthenticated', undefined),
  forbidden: (message?: string | Bilingual) => (message === undefined ? appError('forbidden', undefined) : new AppError(403, 'forbidden', message)),
  notFound: (what = 'Resource') => appError('not_found', { what: resourceName(what) }),
  invalidTransition: (message: string | Bilingual, details?: unknown) => new AppError(409, 'invalid_transition', message, details),
  versionConflict: (details?: unknown) => appError('version_conflict', undefined, details),
  conflict: (code: string, message: string | Bilingual, details?: unknown) => new AppError(409, code, message, details),
  preconditionFailed: (details?: unknown) => appError('precondition_failed', undefined, details),
  qualityCheckFailed: (details: unknown) => appError('quality_check_failed', undefined, details),
  unprocessable: (code: string, message: string | Bilingual, details?: unknown) => new AppError(422, code, message, details),
  tooLarge: (message: string | Bilingual) => new AppError(413, 'payload_too_large', message),
  unavailable: (message?: string | Bilingual) => (message === undefined ? appError('unavailable', undefined) : new AppError(503, 'unavailable', message)),
  invalidCursor: () => appError('invalid_cursor', undefined),
  invalidText: (path: string) =>
    appError('invalid_text', { path }, [
      detail(path, { zh: '含有空字符或不成对的代理字符', en: 'contains a NUL character or a lone surrogate' }),
    ]),
  eventDateInFuture: (date: string, today: string) => appError('event_date_in_future', { date, today }, { eventDate: date, today }),
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
