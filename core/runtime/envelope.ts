/** Builders for the envelope every action returns (the type itself lives in the shared contracts). */
import type { Failure, Ok } from '../../miniprogram/contracts/envelope';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../../miniprogram/contracts/envelope';

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, requestId?: string): Failure {
  const error: Failure['error'] = { code, message: message ?? DEFAULT_ERROR_MESSAGES[code] };
  if (requestId !== undefined) error.requestId = requestId;
  return { ok: false, error };
}
