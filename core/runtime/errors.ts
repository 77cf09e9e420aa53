/**
 * The one error type the core throws on purpose. The runtime turns it into `{ok:false, error:{code, message}}`;
 * anything else thrown is treated as a bug (INTERNAL, logged with a request id).
 */
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../../miniprogram/contracts/envelope';

export class AppError extends Error {
  readonly code: ErrorCode;

  /** `message` is shown to the person holding the phone: a Chinese sentence. Defaults to the code's message. */
  constructor(code: ErrorCode, message?: string) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
