export { defineFunction } from './define-function';
export type {
  ActionContract,
  ActionDefinition,
  ActionDefinitions,
  CallContext,
  CloudFunctionMain,
} from './define-function';
export { AppError, isAppError } from './errors';
export { ok, fail } from './envelope';
export { callerFromContext, ANONYMOUS_CALLER } from './identity';
export type { Caller } from './identity';
export { parseOrThrow } from './validation';
export { getCloudApp, getDatabase, resetCloudApp } from './cloud';
export type { Database } from './cloud';
