/**
 * The `trainees` function against the local emulator through the real node-sdk, each call carrying its
 * caller in the platform `context` the functions host builds (local/functions-host/context.ts).
 */
import type { Envelope } from '../../miniprogram/contracts/envelope';
import type {
  ListEnrolledResponse,
  ListResponse,
  MeResponse,
  TraineeProfile,
} from '../../miniprogram/contracts/trainees';
import { WRONG_CODES_ALLOWED } from '../../core/trainees/limits';
import { ENROL_MESSAGES, TRAINEES_LIMITS } from '../../miniprogram/contracts/trainees';
import { FIELD_MESSAGES } from '../../miniprogram/lib/enrolment-fields';
import { main } from '../../cloudfunctions/trainees/index';
import { COLLECTIONS } from '../../core/database/collections';
import { buildInvocationContext } from '../../local/functions-host/context';
import { seedTraining } from '../../seed/training/index';
import type { TestEmulator } from '../support/emulator';
import { dataOf, startEmulatorForFunctions } from '../support/functions';

const TRAINING_ID = 'xinyang-2024-11-renda-training';
const CODE = '履职2024';

let emulator: TestEmulator;

function as(openid: string | null, source: string | null = openid === null ? null : 'wx_client') {
  return (event: Record<string, unknown>): Promise<Envelope<unknown>> =>
    main(event, buildInvocationContext('trainees', { openid, appid: openid === null ? null : 'wx-test', source }));
}
const consoleCall = as(null);

async function collection(name: string): Promise<Record<string, unknown>[]> {
  const result = await emulator.db.collection(name).limit(1000).get();
  return result.data as Record<string, unknown>[];
}

async function snapshot(): Promise<string> {
  return JSON.stringify([await collection(COLLECTIONS.trainees), await collection(COLLECTIONS.roster)]);
}

async function setTraining(fields: Record<string, unknown>): Promise<void> {
  await emulator.db.collection(COLLECTIONS.trainings).doc(TRAINING_ID).update(fields);
}

function codeOf(answer: Envelope<unknown>): string {
  return answer.ok ? 'OK' : answer.error.code;
}

function messageOf(answer: Envelope<unknown>): string {
  return answer.ok ? '' : answer.error.message;
}

const enrolment = {
  action: 'enroll',
  name: '王小明',
  unit: '某县人大常委会',
  post: '科员',
  groupNo: 3,
  enrolCode: CODE,
};

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  await seedTraining(emulator.db);
  await setTraining({ enrolCode: CODE, openEnrolment: true, rosterLocked: false });
  const roster = emulator.db.collection(COLLECTIONS.roster);
  await roster
    .doc('row-leader-2')
    .set({ name: '李　组长', unit: '某镇人大主席团', post: '主席', groupNo: 2, role: '组长', claimCode: 'LZ-22' });
  await roster.doc('row-trainee-5').set({ name: '赵六', unit: '某县人大常委会', groupNo: 5, role: 'trainee' });
  await roster
    .doc('row-admin')
    .set({ name: '钱管理', unit: '市人大常委会', groupNo: 1, role: 'admin', claimCode: 'ADM-1' });
});

afterAll(async () => {
  await emulator.close();
});

describe('me', () => {
  it('tells a visitor they are not enrolled, with what the form needs', async () => {
    expect(dataOf<MeResponse>(await as('o-visitor')({ action: 'me' }))).toEqual({
      enrolled: false,
      settings: { groupCount: 10, open: true, openEnrolment: true, locked: false },
    });
  });

  it('is not for a console call (no WeChat user to speak of)', async () => {
    expect(codeOf(await consoleCall({ action: 'me' }))).toBe('PERMISSION_DENIED');
  });
});

describe('enroll', () => {
  it('stores nothing for a wrong 班级口令', async () => {
    const before = await snapshot();
    const answer = await as('o-wrong')({ ...enrolment, enrolCode: '不对' });
    expect(codeOf(answer)).toBe('INVALID_ARGUMENT');
    expect(messageOf(answer)).toBe(ENROL_MESSAGES.wrongEnrolCode);
    expect(await snapshot()).toBe(before);
  });

  it('enrols an open newcomer into group 3 as a trainee, normalising spaces', async () => {
    const profile = dataOf<{ profile: TraineeProfile }>(
      await as('o-wang')({ ...enrolment, name: '  王　小明 ', unit: '某县　 人大常委会', enrolCode: ` ${CODE} ` }),
    ).profile;
    expect(profile).toMatchObject({
      name: '王 小明',
      unit: '某县 人大常委会',
      groupNo: 3,
      role: 'trainee',
      onRoster: false,
    });
    const me = dataOf<MeResponse>(await as('o-wang')({ action: 'me' }));
    expect(me).toMatchObject({ enrolled: true, profile: { groupNo: 3, role: 'trainee' } });
  });

  it('lets the enrolled correct their details without the code again', async () => {
    const answer = await as('o-wang')({
      action: 'enroll',
      name: '王小明',
      unit: '某县人大常委会',
      post: '副主任',
      groupNo: 4,
    });
    expect(dataOf<{ profile: TraineeProfile }>(answer).profile).toMatchObject({
      name: '王小明',
      post: '副主任',
      groupNo: 4,
    });
  });

  it('binds a roster row by name and unit, with the row’s group, whatever group was picked', async () => {
    const profile = dataOf<{ profile: TraineeProfile }>(
      await as('o-zhao')({ ...enrolment, name: '赵 六', groupNo: 9 }),
    ).profile;
    expect(profile).toMatchObject({ groupNo: 5, role: 'trainee', onRoster: true });
    const [row] = (await emulator.db.collection(COLLECTIONS.roster).doc('row-trainee-5').get()).data;
    expect(row).toMatchObject({ boundOpenid: 'o-zhao' });
  });

  it('answers CONFLICT to a second openid claiming the same row, storing nothing', async () => {
    const before = await snapshot();
    const answer = await as('o-zhao-impostor')({ ...enrolment, name: '赵六' });
    expect(codeOf(answer)).toBe('CONFLICT');
    expect(messageOf(answer)).toBe(ENROL_MESSAGES.rowTaken);
    expect(await snapshot()).toBe(before);
  });

  it('binds a leader row only with its 认领码', async () => {
    const leader = as('o-li');
    const before = await snapshot();
    const noCode = await leader({ ...enrolment, name: '李组长', unit: '某镇人大主席团' });
    expect([codeOf(noCode), messageOf(noCode)]).toEqual(['INVALID_ARGUMENT', ENROL_MESSAGES.claimCodeNeeded]);
    const wrong = await leader({ ...enrolment, name: '李组长', unit: '某镇人大主席团', claimCode: 'LZ-00' });
    expect([codeOf(wrong), messageOf(wrong)]).toEqual(['INVALID_ARGUMENT', ENROL_MESSAGES.wrongClaimCode]);
    expect(await snapshot()).toBe(before);
    const profile = dataOf<{ profile: TraineeProfile }>(
      await leader({ ...enrolment, name: '李组长', unit: '某镇人大主席团', claimCode: 'lz-22' }),
    ).profile;
    expect(profile).toMatchObject({ role: 'leader', groupNo: 2, onRoster: true });
  });

  it('two openids claiming one free row at the same moment: exactly one wins', async () => {
    await emulator.db
      .collection(COLLECTIONS.roster)
      .doc('row-race')
      .set({ name: '孙七', unit: '某乡人大', groupNo: 7, role: 'trainee' });
    const answers = await Promise.all(
      ['o-race-a', 'o-race-b', 'o-race-c'].map((openid) =>
        as(openid)({ ...enrolment, name: '孙七', unit: '某乡人大' }),
      ),
    );
    expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const enrolled = (await collection(COLLECTIONS.trainees)).filter((doc) => doc.rosterId === 'row-race');
    expect(enrolled).toHaveLength(1);
  });

  it('without open enrolment, someone not on the roster is told to contact the organisers', async () => {
    await setTraining({ openEnrolment: false });
    try {
      const before = await snapshot();
      const answer = await as('o-stranger')({ ...enrolment, name: '周八' });
      expect([codeOf(answer), messageOf(answer)]).toEqual(['NOT_FOUND', ENROL_MESSAGES.notOnRoster]);
      expect(await snapshot()).toBe(before);
    } finally {
      await setTraining({ openEnrolment: true });
    }
  });

  it('is refused once the roster is locked, and allowed again after unlock', async () => {
    dataOf(await consoleCall({ action: 'lock' }));
    const before = await snapshot();
    const answer = await as('o-late')({ ...enrolment, name: '吴九' });
    expect([codeOf(answer), messageOf(answer)]).toEqual(['CONFLICT', ENROL_MESSAGES.locked]);
    const edit = await as('o-wang')({ ...enrolment, post: '改了' });
    expect(codeOf(edit)).toBe('CONFLICT');
    expect(await snapshot()).toBe(before);
    expect(dataOf<MeResponse>(await as('o-late')({ action: 'me' })).settings.locked).toBe(true);
    dataOf(await consoleCall({ action: 'unlock' }));
    expect(codeOf(await as('o-late')({ ...enrolment, name: '吴九' }))).toBe('OK');
  });

  it('closes when the 班级口令 is emptied', async () => {
    await setTraining({ enrolCode: '' });
    try {
      const answer = await as('o-closed')({ ...enrolment, name: '郑十' });
      expect([codeOf(answer), messageOf(answer)]).toEqual(['CONFLICT', ENROL_MESSAGES.closed]);
    } finally {
      await setTraining({ enrolCode: CODE });
    }
  });

  it(`limits wrong codes to ${WRONG_CODES_ALLOWED} per ${TRAINEES_LIMITS.wrongCodeWindowMinutes} minutes per caller`, async () => {
    const guesser = as('o-guesser');
    for (let i = 0; i < WRONG_CODES_ALLOWED; i += 1) {
      expect(codeOf(await guesser({ ...enrolment, name: '冯猜', enrolCode: `guess${i}` }))).toBe('INVALID_ARGUMENT');
    }
    const limited = await guesser({ ...enrolment, name: '冯猜', enrolCode: CODE });
    expect([codeOf(limited), messageOf(limited)]).toEqual(['RATE_LIMITED', ENROL_MESSAGES.rateLimited]);
    // Someone else is not affected.
    expect(codeOf(await as('o-other')({ ...enrolment, name: '陈十一' }))).toBe('OK');
  });

  it('ignores identity fields in the event: openid, _openid, userInfo, role, groupNo claims change nothing', async () => {
    const forged = {
      ...enrolment,
      name: '卫十二',
      openid: 'o-zhao',
      _openid: 'o-zhao',
      userInfo: { openId: 'o-zhao', appId: 'x' },
      role: 'admin',
    };
    const profile = dataOf<{ profile: TraineeProfile }>(await as('o-forger')(forged)).profile;
    expect(profile.role).toBe('trainee');
    const [zhao] = (await emulator.db.collection(COLLECTIONS.trainees).doc('o-zhao').get()).data;
    expect(zhao).toMatchObject({ name: '赵 六', groupNo: 5 });
    expect(
      codeOf(
        await as('o-forger')({ action: 'setRole', openid: 'o-forger', role: 'admin', userInfo: { role: 'admin' } }),
      ),
    ).toBe('PERMISSION_DENIED');
  });

  describe('bad input of every kind is INVALID_ARGUMENT, with nothing written', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['no name', { name: undefined }, '缺少参数 name'],
      ['blank name', { name: '　 ' }, FIELD_MESSAGES.nameMissing],
      ['a one-character name', { name: '王' }, FIELD_MESSAGES.nameLength],
      ['a 21-character name', { name: '王'.repeat(21) }, FIELD_MESSAGES.nameLength],
      ['digits in a name', { name: '王小2' }, FIELD_MESSAGES.nameChars],
      ['a name as a number', { name: 12 }, '参数 name 应为文字'],
      ['a short unit', { unit: '县' }, FIELD_MESSAGES.unitLength],
      ['a 41-character unit', { unit: '单'.repeat(41) }, FIELD_MESSAGES.unitLength],
      ['a control character in the unit', { unit: '某县\u0007人大' }, FIELD_MESSAGES.controlChars],
      ['a 31-character post', { post: '职'.repeat(31) }, FIELD_MESSAGES.postLength],
      ['group 0', { groupNo: 0 }, '参数 groupNo 不能小于 1'],
      ['group 11 of 10', { groupNo: 11 }, FIELD_MESSAGES.groupRange],
      ['a fractional group', { groupNo: 2.5 }, ''],
      ['a group as text', { groupNo: '3' }, '参数 groupNo 应为数字'],
      ['a 33-character code', { enrolCode: 'x'.repeat(33) }, FIELD_MESSAGES.codeLength],
      ['an object as code', { enrolCode: { $ne: null } }, '参数 enrolCode 应为文字'],
      ['no code from a newcomer', { enrolCode: undefined }, FIELD_MESSAGES.enrolCodeMissing],
      ['a huge name', { name: '王'.repeat(5000) }, ''],
    ];
    it.each(cases)('%s', async (_label, change, message) => {
      const before = await snapshot();
      const answer = await as('o-bad-input')({ ...enrolment, ...change });
      expect(codeOf(answer)).toBe('INVALID_ARGUMENT');
      if (message !== '') expect(messageOf(answer)).toBe(message);
      expect(await snapshot()).toBe(before);
    });

    it.each([
      ['setRole with an unknown role', { action: 'setRole', openid: 'o-wang', role: 'king' }],
      ['setRole without openid', { action: 'setRole', role: 'leader' }],
      ['list with limit 0', { action: 'list', limit: 0 }],
      ['list with limit 101', { action: 'list', limit: 101 }],
      ['unbind with an empty openid', { action: 'unbind', openid: ' ' }],
    ])('%s', async (_label, event) => {
      const before = await snapshot();
      expect(codeOf(await consoleCall(event))).toBe('INVALID_ARGUMENT');
      expect(await snapshot()).toBe(before);
    });
  });
});

describe('organiser actions', () => {
  it('setRole works as a console call and for an admin openid', async () => {
    const asConsole = dataOf<{ profile: TraineeProfile }>(
      await consoleCall({ action: 'setRole', openid: 'o-wang', role: 'leader', groupNo: 4 }),
    );
    expect(asConsole.profile).toMatchObject({ role: 'leader', groupNo: 4 });
  });

  it('a leader named by setRole cannot move to another group by correcting their details', async () => {
    dataOf(await consoleCall({ action: 'setRole', openid: 'o-wang', role: 'leader', groupNo: 4 }));
    const moved = dataOf<{ profile: TraineeProfile }>(
      await as('o-wang')({ action: 'enroll', name: '王小明', unit: '某县人大常委会', post: '副主任', groupNo: 7 }),
    ).profile;
    expect(moved).toMatchObject({ role: 'leader', groupNo: 4, post: '副主任' });
  });

  it('a leader row without a group binds nobody: the group would otherwise be the claimant’s choice', async () => {
    await emulator.db
      .collection(COLLECTIONS.roster)
      .doc('row-leader-nogroup')
      .set({ name: '周组长', unit: '某乡人大主席团', role: 'leader', claimCode: 'ZZ-0' });
    const before = await snapshot();
    const answer = await as('o-zhou')({
      ...enrolment,
      name: '周组长',
      unit: '某乡人大主席团',
      claimCode: 'ZZ-0',
      groupNo: 6,
    });
    expect(codeOf(answer)).toBe('CONFLICT');
    expect(messageOf(answer)).toBe(ENROL_MESSAGES.leaderRowWithoutGroup);
    expect(await snapshot()).toBe(before);
    await emulator.db.collection(COLLECTIONS.roster).doc('row-leader-nogroup').remove();
  });

  it('an admin bound through the roster may setRole; a trainee and a leader may not', async () => {
    dataOf(await as('o-admin')({ ...enrolment, name: '钱管理', unit: '市人大常委会', claimCode: 'ADM-1' }));
    expect(
      dataOf<{ profile: TraineeProfile }>(await as('o-admin')({ action: 'setRole', openid: 'o-wang', role: 'trainee' }))
        .profile.role,
    ).toBe('trainee');
    const before = await snapshot();
    expect(codeOf(await as('o-zhao')({ action: 'setRole', openid: 'o-zhao', role: 'admin' }))).toBe(
      'PERMISSION_DENIED',
    );
    expect(codeOf(await as('o-li')({ action: 'setRole', openid: 'o-li', role: 'admin' }))).toBe('PERMISSION_DENIED');
    expect(await snapshot()).toBe(before);
  });

  it('setRole keeps the roster row in step, and NOT_FOUND for someone not enrolled', async () => {
    dataOf(await consoleCall({ action: 'setRole', openid: 'o-zhao', role: 'leader' }));
    const [row] = (await emulator.db.collection(COLLECTIONS.roster).doc('row-trainee-5').get()).data;
    expect(row).toMatchObject({ role: 'leader', groupNo: 5 });
    dataOf(await consoleCall({ action: 'setRole', openid: 'o-zhao', role: 'trainee' }));
    expect(codeOf(await consoleCall({ action: 'setRole', openid: 'o-nobody', role: 'leader' }))).toBe('NOT_FOUND');
  });

  it('list pages through the roster with bound state, by group', async () => {
    const first = dataOf<ListResponse>(await consoleCall({ action: 'list', limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = dataOf<ListResponse>(await consoleCall({ action: 'list', limit: 100, cursor: first.nextCursor }));
    const all = [...first.items, ...rest.items];
    expect(all.map((row) => row.id)).toEqual([...all.map((row) => row.id)].sort());
    expect(rest.nextCursor).toBeNull();
    const group2 = dataOf<ListResponse>(await consoleCall({ action: 'list', groupNo: 2 }));
    expect(group2.items).toEqual([
      expect.objectContaining({
        id: 'row-leader-2',
        name: '李 组长',
        role: 'leader',
        hasClaimCode: true,
        boundOpenid: 'o-li',
      }),
    ]);
    expect(JSON.stringify(group2)).not.toContain('LZ-22');
  });

  it('listEnrolled shows every enrolled person with the openid setRole and unbind take, on the roster or not', async () => {
    // Someone who enrolled openly (open enrolment on, no roster row), as the function stores them.
    await emulator.db
      .collection(COLLECTIONS.trainees)
      .doc('o-open')
      .set({ name: '孙 七', unit: '示例乡人大主席团', post: '', groupNo: 2, role: 'trainee', rosterId: null });
    const everyone: ListEnrolledResponse['items'] = [];
    let cursor: string | null | undefined;
    do {
      const page = dataOf<ListEnrolledResponse>(
        await consoleCall({ action: 'listEnrolled', limit: 1, ...(cursor ? { cursor } : {}) }),
      );
      expect(page.items.length).toBeLessThanOrEqual(1);
      everyone.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const openids = everyone.map((person) => person.openid);
    expect(openids).toEqual([...openids].sort());
    expect(new Set(openids).size).toBe(openids.length);
    expect(everyone).toContainEqual(expect.objectContaining({ openid: 'o-open', name: '孙 七', onRoster: false }));
    expect(everyone).toContainEqual(expect.objectContaining({ openid: 'o-li', role: 'leader', onRoster: true }));

    const group2 = dataOf<ListEnrolledResponse>(await consoleCall({ action: 'listEnrolled', groupNo: 2 }));
    expect(group2.items.map((person) => person.openid).sort()).toEqual(['o-li', 'o-open']);
    expect(group2.nextCursor).toBeNull();
    // The openid it shows is what setRole takes.
    dataOf(await consoleCall({ action: 'setRole', openid: 'o-open', role: 'leader' }));
    expect(codeOf(await as('o-open')({ action: 'listEnrolled' }))).toBe('PERMISSION_DENIED');
    await emulator.db.collection(COLLECTIONS.trainees).doc('o-open').remove();
  });

  it('unbind removes an enrolment and frees its row for the rightful person', async () => {
    expect(dataOf(await consoleCall({ action: 'unbind', openid: 'o-zhao' }))).toEqual({ unbound: true });
    expect(dataOf<MeResponse>(await as('o-zhao')({ action: 'me' })).enrolled).toBe(false);
    expect(codeOf(await as('o-zhao-real')({ ...enrolment, name: '赵六' }))).toBe('OK');
    expect(codeOf(await consoleCall({ action: 'unbind', openid: 'o-zhao' }))).toBe('NOT_FOUND');
  });
});

describe('leave', () => {
  it('deletes one’s own enrolment and frees the roster row', async () => {
    expect(dataOf(await as('o-li')({ action: 'leave' }))).toEqual({ left: true });
    expect(dataOf<MeResponse>(await as('o-li')({ action: 'me' })).enrolled).toBe(false);
    const [row] = (await emulator.db.collection(COLLECTIONS.roster).doc('row-leader-2').get()).data;
    expect(row.boundOpenid).toBeNull();
    expect(dataOf(await as('o-li')({ action: 'leave' }))).toEqual({ left: false });
  });
});
