// Errors the emulator answers with. node-sdk turns any answer carrying `code` into a rejected
// promise (TcbError with .code and .message), exactly as it does for the real service.
export type EmulatorErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'ACTION_NOT_SUPPORTED'
  | 'SYS_ERR';

export class EmulatorError extends Error {
  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}
