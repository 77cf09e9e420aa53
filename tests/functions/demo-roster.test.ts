/**
 * The local demo roster (local/demo-roster.ts): the preview's identities become real enrolments through the
 * `trainees` function, the new visitor stays a visitor, a restart changes nothing, and no demo person ever
 * reaches the seed or the console import files.
 */
import type { Envelope } from '../../miniprogram/contracts/envelope';
import type { MeResponse } from '../../miniprogram/contracts/trainees';
import { main } from '../../cloudfunctions/trainees/index';
import { COLLECTIONS } from '../../core/database/collections';
import { DEMO_CLAIM_CODE, DEMO_ENROL_CODE, DEMO_UNIT, seedDemoRoster } from '../../local/demo-roster';
import { buildInvocationContext } from '../../local/functions-host/context';
import { ADMIN, leaderOf, traineeOf, VISITOR } from '../../local/preview/identities';
import { seedDatabase } from '../../local/seed';
import { consoleImportFiles } from '../../scripts/export-console-import';
import type { TestEmulator } from '../support/emulator';
import { dataOf, startEmulatorForFunctions } from '../support/functions';

let emulator: TestEmulator;

function as(openid: string) {
  return (event: Record<string, unknown>): Promise<Envelope<unknown>> =>
    main(event, buildInvocationContext('trainees', { openid, appid: 'wx-local-appid', source: 'wx_client' }));
}

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  await seedDatabase(emulator.db);
  expect(await seedDemoRoster(emulator.db)).toEqual({ rows: 22, enrolled: 21 });
});

afterAll(async () => {
  await emulator.close();
});

it('makes the trainee and leader of each group and the admin enrolled as such; the visitor stays a visitor', async () => {
  expect(dataOf<MeResponse>(await as(traineeOf(3).openid)({ action: 'me' }))).toMatchObject({
    enrolled: true,
    profile: { name: '示例学员三', unit: DEMO_UNIT, groupNo: 3, role: 'trainee', onRoster: true },
    settings: { groupCount: 10, open: true, openEnrolment: true, locked: false },
  });
  expect(dataOf<MeResponse>(await as(leaderOf(10).openid)({ action: 'me' }))).toMatchObject({
    profile: { name: '示例组长十', groupNo: 10, role: 'leader' },
  });
  expect(dataOf<MeResponse>(await as(ADMIN.openid)({ action: 'me' }))).toMatchObject({ profile: { role: 'admin' } });
  expect(dataOf<MeResponse>(await as(VISITOR.openid)({ action: 'me' })).enrolled).toBe(false);
});

it('lets the visitor enrol with the local 班级口令 and claim the free demo leader row', async () => {
  const event = { action: 'enroll', name: '示例待认领组长', unit: DEMO_UNIT, groupNo: 5, enrolCode: DEMO_ENROL_CODE };
  const answer = await as(VISITOR.openid)({ ...event, claimCode: DEMO_CLAIM_CODE });
  expect(dataOf<{ profile: { role: string; groupNo: number } }>(answer).profile).toMatchObject({
    role: 'leader',
    groupNo: 2,
  });
  dataOf(await as(VISITOR.openid)({ action: 'leave' }));
});

it('writes nothing again on a restart, and keeps an organiser’s local settings', async () => {
  await emulator.db
    .collection(COLLECTIONS.trainings)
    .doc('xinyang-2024-11-renda-training')
    .update({ enrolCode: '组织者改过', openEnrolment: false });
  expect(await seedDemoRoster(emulator.db)).toEqual({ rows: 0, enrolled: 0 });
  const [training] = (await emulator.db.collection(COLLECTIONS.trainings).doc('xinyang-2024-11-renda-training').get())
    .data;
  expect(training).toMatchObject({ enrolCode: '组织者改过', openEnrolment: false });
});

it('never reaches the seed nor the console import files', () => {
  const exported = JSON.stringify(consoleImportFiles());
  for (const marker of ['示例', 'demo', DEMO_ENROL_CODE, 'preview-']) expect(exported).not.toContain(marker);
  expect(Object.keys(consoleImportFiles())).not.toContain(COLLECTIONS.roster);
  expect(Object.keys(consoleImportFiles())).not.toContain(COLLECTIONS.trainees);
});
