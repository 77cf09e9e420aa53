export { createFunctionsHandler, MAX_EVENT_BYTES } from './handler';
export type { FunctionsHandler, FunctionsHandlerOptions } from './handler';
export { startFunctionsHost } from './server';
export type { ExtraHandler, FunctionsHostOptions, RunningFunctionsHost } from './server';
export { buildInvocationContext, LOCAL_ENV } from './context';
export type { InvocationContext, SimulatedCaller } from './context';
export { callerFromHeaders, LOCAL_APPID } from './caller-headers';
export { FunctionLoader } from './loader';
