/**
 * The one response envelope every cloud function action returns.
 * Shared by the client (services/) and the functions (core/runtime): defined once here.
 * Runtime values in this folder must stay dependency-free: the mini-program loads them too.
 */

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** A sentence in Chinese, fit to show the person holding the phone. */
  message: string;
  /** Set on INTERNAL errors: the id under which the function logged the failure. */
  requestId?: string;
}

export interface Ok<T> {
  ok: true;
  data: T;
}

export interface Failure {
  ok: false;
  error: ApiError;
}

export type Envelope<T> = Ok<T> | Failure;

/** Default Chinese messages, used when a more specific one is not given. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '请求参数有误，请检查后重试',
  UNAUTHENTICATED: '请先登录后再操作',
  PERMISSION_DENIED: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '数据已被修改，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
