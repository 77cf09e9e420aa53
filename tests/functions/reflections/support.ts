/**
 * Shared set-up of the reflections functions tests: an emulator with the seeded course, a word list the
 * test controls, enrolments written straight into `trainees`, and calls as a given WeChat user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../../miniprogram/contracts/envelope';
import type { ReflectionAnswer } from '../../../miniprogram/contracts/reflections';
import { main } from '../../../cloudfunctions/reflections/index';
import { COLLECTIONS } from '../../../core/database/collections';
import { buildInvocationContext } from '../../../local/functions-host/context';
import { seedTraining } from '../../../seed/training/index';
import type { Database, TestEmulator } from '../../support/emulator';
import { startEmulatorForFunctions } from '../../support/functions';

export const MARK = {
  risky: '测试违规词',
  review: '测试待审词',
  error: '测试检查出错',
  timeout: '测试检查超时',
} as const;

/** A words file with one marker word per section; CONTENT_CHECK_WORDS points at it. Returns its folder. */
export function useTestWordList(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-words-'));
  const file = path.join(dir, 'words.txt');
  fs.writeFileSync(
    file,
    `# test list\n[risky]\n${MARK.risky}\n[review]\n${MARK.review}\n[error]\n${MARK.error}\n[timeout]\n${MARK.timeout}\n`,
  );
  process.env.CONTENT_CHECK_WORDS = file;
  process.env.CONTENT_CHECK_TIMEOUT_MS = '300';
  return dir;
}

/**
 * A fresh emulator for this test file, the course seeded, the test's word list in force and these people
 * enrolled ([openid, group, role?, name?]); the getter hands it to the tests.
 */
export function useCourseEmulator(people: Array<[string, number, Role?, string?]>): () => TestEmulator {
  let emulator: TestEmulator | undefined;
  let words = '';
  beforeAll(async () => {
    emulator = await startEmulatorForFunctions();
    words = useTestWordList();
    await seedCourse(emulator.db);
    for (const [openid, groupNo, role, name] of people) await enrol(emulator.db, openid, groupNo, role, name);
  });
  afterAll(async () => {
    forgetTestWordList(words);
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('useCourseEmulator: the emulator is not running (call it at the top of the file)');
    return emulator;
  };
}

export function forgetTestWordList(dir: string): void {
  delete process.env.CONTENT_CHECK_WORDS;
  delete process.env.CONTENT_CHECK_TIMEOUT_MS;
  fs.rmSync(dir, { recursive: true, force: true });
}

export type Role = 'trainee' | 'leader' | 'admin';

export async function enrol(
  db: Database,
  openid: string,
  groupNo: number,
  role: Role = 'trainee',
  name = '示例学员',
): Promise<void> {
  const now = new Date();
  await db
    .collection(COLLECTIONS.trainees)
    .doc(openid)
    .set({ name, unit: '示例单位', post: '', groupNo, role, enrolledAt: now, updatedAt: now });
}

export async function seedCourse(db: Database): Promise<void> {
  await seedTraining(db);
}

/** The function's answer to `event` sent by `openid` from the mini-program (null: a console call). */
export function callAs(openid: string | null, event: Record<string, unknown>): Promise<Envelope<unknown>> {
  const context = buildInvocationContext(
    'reflections',
    openid === null ? { openid: null, appid: null, source: null } : { openid, appid: 'wx-test', source: 'wx_client' },
  );
  return main(event, context);
}

export async function okAs<T>(openid: string | null, event: Record<string, unknown>): Promise<T> {
  const answer = await callAs(openid, event);
  if (!answer.ok)
    throw new Error(`${String(event.action)} as ${String(openid)}: ${answer.error.code} ${answer.error.message}`);
  return answer.data as T;
}

export async function errorOf(openid: string | null, event: Record<string, unknown>): Promise<string> {
  const answer = await callAs(openid, event);
  return answer.ok ? 'ok' : answer.error.code;
}

let serial = 0;
/** A fresh requestId, as the write page makes one per draft. */
export function newRequestId(): string {
  serial += 1;
  return `test-${Date.now().toString(36)}-${serial}`;
}

export const CONTENT = '今天分组研讨，大家围绕全过程人民民主谈了各自县乡人大的做法和体会，收获很大。';

export async function submitAs(
  openid: string,
  fields: { title?: string; content?: string; requestId?: string; sessionId?: string } = {},
): Promise<ReflectionAnswer['reflection']> {
  const { reflection } = await okAs<ReflectionAnswer>(openid, {
    action: 'submit',
    requestId: fields.requestId ?? newRequestId(),
    title: fields.title ?? '学习心得',
    content: fields.content ?? CONTENT,
    ...(fields.sessionId === undefined ? {} : { sessionId: fields.sessionId }),
  });
  return reflection;
}

export async function countReflections(db: Database, where: Record<string, unknown> = {}): Promise<number> {
  const { total } = await db.collection(COLLECTIONS.reflections).where(where).count();
  return total;
}
