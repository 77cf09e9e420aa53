// The env id the local stack uses; any string works, the emulator has one database and one storage.
// Kept apart from client.ts so that tools which only name files (scripts/put-file.ts) need not load
// @cloudbase/node-sdk.
export const LOCAL_ENV_ID = 'local';
