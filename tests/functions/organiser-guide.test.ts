/**
 * docs/organiser-guide.md, done as an organiser would: the example roster file imported as the console's
 * JSON Lines import does, people enrolling against it, then every `trainees` payload the guide shows
 * (its ```json trainees blocks) run as a console call, in the guide's order, each doing what the guide says.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../miniprogram/contracts/envelope';
import type {
  ListEnrolledResponse,
  ListResponse,
  MeResponse,
  TraineeProfile,
} from '../../miniprogram/contracts/trainees';
import { main } from '../../cloudfunctions/trainees/index';
import { COLLECTIONS } from '../../core/database/collections';
import { buildInvocationContext } from '../../local/functions-host/context';
import { seedDatabase } from '../../local/seed';
import type { TestEmulator } from '../support/emulator';
import { dataOf, startEmulatorForFunctions } from '../support/functions';

const DOCS = path.resolve(__dirname, '..', '..', 'docs');
const guide = fs.readFileSync(path.join(DOCS, 'organiser-guide.md'), 'utf8');
const rosterFile = fs.readFileSync(path.join(DOCS, 'examples', 'roster.jsonl'), 'utf8');

function blocks(info: string): string[] {
  const pattern = new RegExp('^```' + info + '\\n([\\s\\S]*?)^```', 'gm');
  return [...guide.matchAll(pattern)].map((match) => match[1].trim());
}

let emulator: TestEmulator;
const call =
  (openid: string | null) =>
  (event: Record<string, unknown>): Promise<Envelope<unknown>> =>
    main(event, buildInvocationContext('trainees', { openid, appid: openid && 'wx', source: openid && 'wx_client' }));

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  await seedDatabase(emulator.db);
  await emulator.db
    .collection(COLLECTIONS.trainings)
    .doc('xinyang-2024-11-renda-training')
    .update({ enrolCode: '履职2024', openEnrolment: false });
});

afterAll(async () => {
  await emulator.close();
});

it('the lines the guide shows are the example file’s own', () => {
  const lines = rosterFile.trim().split('\n');
  const shown = blocks('jsonl');
  expect(shown).toHaveLength(1);
  for (const line of shown[0].split('\n')) expect(lines).toContain(line);
});

it('imports the example roster and people enrol against it (roles, groups, spaces, 认领码)', async () => {
  for (const line of rosterFile.trim().split('\n')) {
    const { _id, ...fields } = JSON.parse(line) as { _id: string };
    await emulator.db.collection(COLLECTIONS.roster).doc(_id).set(fields);
  }
  const enrol = (openid: string, name: string, unit: string, claimCode?: string) =>
    call(openid)({ action: 'enroll', name, unit, groupNo: 5, enrolCode: '履职2024', claimCode });
  expect(
    dataOf<{ profile: TraineeProfile }>(await enrol('o-yi', '示例学员乙', '示例镇人大主席团')).profile,
  ).toMatchObject({
    groupNo: 1,
    role: 'trainee',
  });
  expect(
    dataOf<{ profile: TraineeProfile }>(await enrol('o-ding', '示例学员·丁', '示例县人大常委会')).profile,
  ).toMatchObject({
    groupNo: 2,
  });
  expect(
    dataOf<{ profile: TraineeProfile }>(await enrol('o-bing', '示例组长丙', '示例区人大常委会', 'ZZ-2B3M')).profile,
  ).toMatchObject({ groupNo: 2, role: 'leader' });
  expect(
    dataOf<{ profile: TraineeProfile }>(await enrol('o-admin', '示例管理员', '示例市人大常委会办公室', 'GL-9Q4X'))
      .profile,
  ).toMatchObject({ role: 'admin' });
  const stranger = await enrol('o-stranger', '不在名单', '某单位');
  expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('runs every console payload of the guide, each doing what it says', async () => {
  const payloads = blocks('json trainees').map((text) => text.replace(/<boundOpenid>/g, 'o-yi'));
  expect(payloads.map((text) => (JSON.parse(text) as { action: string }).action)).toEqual([
    'list',
    'listEnrolled',
    'setRole',
    'unbind',
    'lock',
    'unlock',
  ]);
  const answers: Envelope<unknown>[] = [];
  const me = async () => dataOf<MeResponse>(await call('o-yi')({ action: 'me' }));
  for (const payload of payloads) {
    const event = JSON.parse(payload) as Record<string, unknown>;
    const answer = await call(null)(event);
    answers.push(answer);
    if (event.action === 'list') {
      const list = dataOf<ListResponse>(answer);
      expect(list.items.map((row) => [row.id, row.boundOpenid])).toEqual([
        ['roster-admin', 'o-admin'],
        ['roster-g1-01', null],
        ['roster-g1-02', 'o-yi'],
        ['roster-g1-leader', null],
      ]);
    }
    if (event.action === 'listEnrolled') {
      const people = dataOf<ListEnrolledResponse>(answer).items;
      expect(people).toContainEqual(expect.objectContaining({ openid: 'o-yi', groupNo: 1, onRoster: true }));
      expect(people.every((person) => person.groupNo === 1)).toBe(true);
    }
    if (event.action === 'setRole') expect(await me()).toMatchObject({ profile: { role: 'leader', groupNo: 2 } });
    if (event.action === 'unbind') expect((await me()).enrolled).toBe(false);
    if (event.action === 'lock') expect((await me()).settings.locked).toBe(true);
    if (event.action === 'unlock') expect((await me()).settings.locked).toBe(false);
  }
  expect(answers.every((answer) => answer.ok)).toBe(true);
});

it('an admin openid may send the same payloads from the phone', async () => {
  for (const payload of blocks('json trainees').filter((text) => !text.includes('<boundOpenid>'))) {
    expect(await call('o-admin')(JSON.parse(payload) as Record<string, unknown>)).toMatchObject({ ok: true });
  }
});
