/**
 * The authorisation table, run: every row of every `authorization/*.rows.ts` × the seven fixed callers,
 * each sent through the functions host (the built bundles, `npm run build` first) with the caller in the
 * x-wx-openid header, exactly as the preview and the e2e tests call. A cell is 'allowed' when the answer is
 * anything but PERMISSION_DENIED, 'denied' when it is PERMISSION_DENIED and the database did not change.
 *
 * Beyond the table, for every row a visitor or a console call may not reach:
 * - a caller with no openid but a client TCB_SOURCE (wx_client, wx_http, web_client, a chained client call)
 *   or an event shaped like an HTTP-access request is denied too: never privileged like a console call;
 * - identity fields written into the event (openid, _openid, userInfo, role, groupNo) change nothing.
 *
 * Before each cell the fixed callers' enrolments and the enrolment settings are put back, so a cell that
 * changes them (leave, setRole, unbind, lock) cannot colour the next.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../miniprogram/contracts/envelope';
import { COLLECTIONS } from '../../core/database/collections';
import { startFunctionsHost, type RunningFunctionsHost } from '../../local/functions-host/index';
import { seedDatabase } from '../../local/seed';
import { FUNCTIONS_DIST_DIR, FUNCTIONS_SOURCE_DIR } from '../../scripts/build-functions';
import { startTestEmulator, type Database, type TestEmulator } from '../support/emulator';
import { CALLER_KINDS, CALLERS, type AuthorizationRow, type CallerKind, type Prepared } from './authorization/table';

const TABLE_DIR = path.join(__dirname, 'authorization');
const TRAINING_ID = 'xinyang-2024-11-renda-training';
/** The enrolment settings every cell starts from (the trainees rows send this code). */
const ENROLMENT_SETTINGS = { enrolCode: 'authz-code', openEnrolment: true, rosterLocked: false };

/* eslint-disable @typescript-eslint/no-require-imports -- the table is every *.rows.ts present, found at run time */
const rows: AuthorizationRow[] = fs
  .readdirSync(TABLE_DIR)
  .filter((file) => file.endsWith('.rows.ts'))
  .sort()
  .flatMap((file) => (require(path.join(TABLE_DIR, file)) as { rows: AuthorizationRow[] }).rows);

/** Every action of every function, from the action map each cloudfunctions/<fn>/index.ts hands defineFunction. */
function declaredActions(): Array<{ fn: string; action: string }> {
  return fs
    .readdirSync(FUNCTIONS_SOURCE_DIR)
    .filter((fn) => fs.existsSync(path.join(FUNCTIONS_SOURCE_DIR, fn, 'index.ts')))
    .flatMap((fn) => {
      const source = fs.readFileSync(path.join(FUNCTIONS_SOURCE_DIR, fn, 'index.ts'), 'utf8');
      const found = /import \{ (\w+) \} from '(\.\.\/\.\.\/core\/[\w-]+\/actions)'/.exec(source);
      if (!found) throw new Error(`cloudfunctions/${fn}/index.ts: no action map imported from core/<domain>/actions`);
      const actions = (require(path.join(FUNCTIONS_SOURCE_DIR, fn, found[2])) as Record<string, object>)[found[1]];
      return Object.keys(actions).map((action) => ({ fn, action }));
    });
}
/* eslint-enable @typescript-eslint/no-require-imports */

let emulator: TestEmulator;
let host: RunningFunctionsHost;

interface Call {
  openid: string | null;
  source?: string;
}

async function send(fn: string, event: Record<string, unknown>, call: Call): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.openid !== null) headers['x-wx-openid'] = call.openid;
  if (call.source !== undefined) headers['x-wx-source'] = call.source;
  const response = await fetch(`${host.url}/functions/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
  const body = (await response.json()) as Envelope<unknown> | { hostError: unknown };
  if (!('ok' in body)) throw new Error(`functions host refused ${fn}: ${JSON.stringify(body)}`);
  return body;
}

function isDenied(answer: Envelope<unknown>): boolean {
  return !answer.ok && answer.error.code === 'PERMISSION_DENIED';
}

/** Everything a cell could write, to prove a denied call wrote nothing. */
async function snapshot(db: Database): Promise<string> {
  const names = Object.values(COLLECTIONS).filter((name) => name !== COLLECTIONS.enrolAttempts);
  const contents = await Promise.all(names.map(async (name) => (await db.collection(name).limit(1000).get()).data));
  return JSON.stringify(contents);
}

/** The fixed callers enrolled as table.ts says, nobody else; roster and settings as at the start. */
async function resetCallers(db: Database): Promise<void> {
  const fixed = new Set(CALLER_KINDS.map((kind) => CALLERS[kind].openid));
  const trainees = db.collection(COLLECTIONS.trainees);
  const existing = (await trainees.limit(1000).get()).data as Array<{ _id: string }>;
  await Promise.all(existing.filter((doc) => !fixed.has(doc._id)).map((doc) => trainees.doc(doc._id).remove()));
  await Promise.all(
    CALLER_KINDS.flatMap((kind) => {
      const { openid, enrolment } = CALLERS[kind];
      return openid === null || enrolment === null ? [] : [trainees.doc(openid).set({ ...enrolment, rosterId: null })];
    }),
  );
  await db.collection(COLLECTIONS.trainings).doc(TRAINING_ID).update(ENROLMENT_SETTINGS);
  // Each caller's wrong-code attempts, by the openid the attempts index leads with (no full scan).
  await Promise.all(
    CALLER_KINDS.flatMap((kind) => {
      const { openid } = CALLERS[kind];
      return openid === null ? [] : [db.collection(COLLECTIONS.enrolAttempts).where({ openid }).remove()];
    }),
  );
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(FUNCTIONS_DIST_DIR, 'trainees', 'index.js'))) {
    throw new Error('dist/functions is not built: run `npm run build` before this test (the host runs the bundles)');
  }
  emulator = await startTestEmulator();
  await seedDatabase(emulator.db);
  host = await startFunctionsHost({ port: 0, functionsDir: FUNCTIONS_DIST_DIR, serviceUrl: emulator.url });
});

afterAll(async () => {
  await host?.close();
  await emulator?.close();
  delete process.env.TCB_SERVICE_URL;
});

function title(row: AuthorizationRow): string {
  return `${row.fn}.${row.action}${row.note ? ` (${row.note})` : ''}`;
}

it('has a row for every action of every function', () => {
  const missing = declaredActions().filter(
    ({ fn, action }) => !rows.some((row) => row.fn === fn && row.action === action),
  );
  expect(missing).toEqual([]);
});

/** Callers with no openid that a person outside the organisers can produce, and the HTTP-access event shape. */
const STRANGERS: Array<{ label: string; source?: string; httpShaped?: boolean }> = [
  { label: 'no openid, TCB_SOURCE wx_client', source: 'wx_client' },
  { label: 'no openid, TCB_SOURCE wx_http', source: 'wx_http' },
  { label: 'no openid, TCB_SOURCE web_client', source: 'web_client' },
  { label: 'no openid, chained wx_client,scf', source: 'wx_client,scf' },
  { label: 'no openid, an HTTP-access-shaped event', httpShaped: true },
];

function forged(event: Record<string, unknown>): Record<string, unknown> {
  const admin = CALLERS.admin.openid as string;
  return {
    openid: admin,
    _openid: admin,
    userInfo: { openId: admin, appId: 'wx-local-appid' },
    role: 'admin',
    ...(event.groupNo === undefined ? { groupNo: 1 } : {}),
    ...event,
  };
}

describe.each(rows.map((row) => [title(row), row] as const))('%s', (_title, row) => {
  let prepared: Prepared = {};
  beforeAll(async () => {
    await resetCallers(emulator.db);
    prepared = (await row.prepare?.(emulator.db)) ?? {};
  });

  const eventOf = (caller: CallerKind): Record<string, unknown> => ({
    ...row.event(prepared, caller),
    action: row.action,
  });

  it.each(CALLER_KINDS.map((caller) => [caller, row.expect[caller]] as const))('as %s: %s', async (caller, outcome) => {
    await resetCallers(emulator.db);
    const before = await snapshot(emulator.db);
    const answer = await send(row.fn, eventOf(caller), { openid: CALLERS[caller].openid });
    if (outcome === 'allowed') {
      expect(answer).not.toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    } else {
      expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      expect(await snapshot(emulator.db)).toBe(before);
    }
  });

  // A stranger has no more rights than a visitor and no more than a console call.
  if (row.expect.visitor === 'denied' || row.expect.console === 'denied') {
    it.each(STRANGERS.map((stranger) => [stranger.label, stranger] as const))(
      '%s: denied',
      async (_label, stranger) => {
        await resetCallers(emulator.db);
        const before = await snapshot(emulator.db);
        const event = stranger.httpShaped
          ? {
              ...eventOf('console'),
              path: `/${row.fn}`,
              httpMethod: 'POST',
              headers: { 'x-wx-openid': CALLERS.admin.openid },
              queryStringParameters: {},
              requestContext: { appId: 'x', envId: 'local' },
              body: '',
              isBase64Encoded: false,
            }
          : eventOf('console');
        expect(isDenied(await send(row.fn, event, { openid: null, source: stranger.source }))).toBe(true);
        expect(await snapshot(emulator.db)).toBe(before);
      },
    );
  }

  const deniedCallers = CALLER_KINDS.filter((caller) => row.expect[caller] === 'denied' && caller !== 'console');
  if (deniedCallers.length > 0) {
    it.each(deniedCallers)('as %s with forged identity fields in the event: still denied', async (caller) => {
      await resetCallers(emulator.db);
      const before = await snapshot(emulator.db);
      expect(isDenied(await send(row.fn, forged(eventOf(caller)), { openid: CALLERS[caller].openid }))).toBe(true);
      expect(await snapshot(emulator.db)).toBe(before);
    });
  }
});
