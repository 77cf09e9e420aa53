/** The browser preview of the mini-program; see README.md. */
export { createPreviewHandler } from './server/handler';
export type { PreviewHandler, PreviewOptions } from './server/handler';
export { allIdentities, identityByKey, traineeOf, leaderOf, VISITOR, ADMIN, PREVIEW_SOURCE } from './identities';
export type { PreviewIdentity } from './identities';
