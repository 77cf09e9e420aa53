/**
 * The `training` function against the local emulator, through the real @cloudbase/node-sdk: the seed from
 * the report, and hand-typed documents that must not break the overview.
 */
import type { Envelope } from '../../miniprogram/contracts/envelope';
import type {
  MaterialsResponse,
  OverviewResponse,
  SessionResponse,
  SessionView,
} from '../../miniprogram/contracts/training';
import { main } from '../../cloudfunctions/training/index';
import { main as articles } from '../../cloudfunctions/articles/index';
import { seedTraining } from '../../seed/training/index';
import type { TestEmulator } from '../support/emulator';
import { dataOf, startEmulatorForFunctions } from '../support/functions';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  await seedTraining(emulator.db);
});

afterAll(async () => {
  await emulator.close();
});

async function call<T>(event: Record<string, unknown>): Promise<T> {
  return dataOf<T>(await main(event, {}));
}

function allSessions(overview: OverviewResponse): SessionView[] {
  return [...overview.days.flatMap((day) => day.sessions), ...overview.unscheduled];
}

describe('overview of the seeded course', () => {
  let overview: OverviewResponse;
  beforeAll(async () => {
    overview = await call<OverviewResponse>({ action: 'overview' });
  });

  it('is the course of the report', () => {
    expect(overview.training).toMatchObject({
      name: '信阳全市县乡人大干部履职能力提升培训班',
      theme: '深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想',
      organiser: '市人大常委会',
      venue: '大别山干部学院',
      startDate: '2024-11-18',
      endDate: '2024-11-20',
      groupCount: 10,
      problems: [],
    });
  });

  it('has three days, five lectures, one exchange meeting and one group discussion', () => {
    expect(overview.days.map((day) => day.date)).toEqual(['2024-11-18', '2024-11-19', '2024-11-20']);
    expect(overview.counts).toEqual({ lecture: 5, exchange: 1, discussion: 1, other: 0, total: 7 });
  });

  it('names every lecturer, post and topic as the report does', () => {
    const lectures = allSessions(overview).filter((s) => s.kind === 'lecture');
    const byName = Object.fromEntries(lectures.map((s) => [s.speakers[0].name, [s.speakers[0].post, s.title]]));
    expect(byName).toEqual({
      吴文毅: ['省人大常委会副秘书长、办公厅主任', '深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想'],
      蒋文俊: ['商城县人大常委会主任', '发展全过程人民民主、推动人大工作高质量发展'],
      陈秀洪: ['新县人大常委会主任', '鄂豫皖老区全过程人民民主的实践探索与传承创新'],
      熊建欣: ['市人大财经委主任委员', '民生实事项目人大代表票决制'],
      张静远: ['市人大常委会预算工委主任', '扎实开展预算审查监督、国有资产管理监督、政府债务管理监督工作'],
    });
  });

  it('leaves the lectures unplaced: the report gives them no day, hour or order', () => {
    const lectures = allSessions(overview).filter((s) => s.kind === 'lecture');
    expect(lectures.every((s) => s.date === null && s.start === null && s.end === null && s.order === null)).toBe(true);
    expect(overview.unscheduled.filter((s) => s.kind === 'lecture')).toHaveLength(5);
  });

  it('holds the exchange meeting on the afternoon of 19 November, with no hour, and its speakers', () => {
    const [exchange] = overview.days[1].sessions;
    expect(exchange).toMatchObject({
      kind: 'exchange',
      date: '2024-11-19',
      partOfDay: '下午',
      start: null,
      end: null,
      precision: 'partOfDay',
    });
    expect(exchange.speakers).toEqual([
      { name: '陶中华', post: '浉河区人大常委会主任', role: '交流发言' },
      { name: '胡文进', post: '罗山县灵山镇人大主席', role: '交流发言' },
      { name: '段亮', post: '息县曹黄林镇人大主席', role: '交流发言' },
      { name: '谢天学', post: '市人大常委会主任', role: '交流结束后讲话' },
    ]);
  });

  it('holds the group discussion in the evening, in 10 groups, for two hours, on no particular day', () => {
    const discussion = overview.unscheduled.find((s) => s.kind === 'discussion');
    expect(discussion).toMatchObject({
      partOfDay: '晚上',
      groupCount: 10,
      durationMinutes: 120,
      date: null,
      start: null,
    });
  });

  it('gives no start time anywhere: the report gives none', () => {
    expect(allSessions(overview).map((s) => s.start)).toEqual(Array(7).fill(null));
  });
});

describe('session and materials', () => {
  it('answers a lecture with its study note', async () => {
    const { session, materials } = await call<SessionResponse>({ action: 'session', id: 'lecture-wu-wenyi' });
    expect(session.speakers[0].name).toBe('吴文毅');
    expect(materials).toEqual([
      expect.objectContaining({
        kind: 'article',
        label: '学习笔记',
        articleId: 'note-lecture-wu-wenyi',
        openable: true,
      }),
    ]);
  });

  it('lets the study note open in the article reader', async () => {
    const answer = (await articles({ action: 'get', id: 'note-lecture-zhang-jingyuan' }, {})) as Envelope<{
      article: { title: string; source: string };
    }>;
    expect(answer.ok && answer.data.article.title).toBe(
      '学习笔记 | 扎实开展预算审查监督、国有资产管理监督、政府债务管理监督工作',
    );
  });

  it('answers NOT_FOUND in Chinese for an unknown session, and INVALID_ARGUMENT for a bad id', async () => {
    expect(await main({ action: 'session', id: 'nope' }, {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到这个日程，可能已被删除' },
    });
    expect(await main({ action: 'session', id: 'x'.repeat(65) }, {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await main({ action: 'materials', kind: 'video' }, {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('lists all materials, filtered by kind and by session', async () => {
    const all = await call<MaterialsResponse>({ action: 'materials' });
    expect(all.items).toHaveLength(5);
    expect(all.sessionTitles['lecture-xiong-jianxin']).toBe('民生实事项目人大代表票决制');
    expect((await call<MaterialsResponse>({ action: 'materials', kind: 'file' })).items).toEqual([]);
    const one = await call<MaterialsResponse>({ action: 'materials', sessionId: 'lecture-chen-xiuhong' });
    expect(one.items.map((m) => m.id)).toEqual(['material-note-chen-xiuhong']);
  });
});

describe('hand-typed documents', () => {
  beforeAll(async () => {
    const sessions = emulator.db.collection('training_sessions');
    await sessions.doc('typed-bad-date').set({ kind: 'lecture', title: '手工录入：日期写错', date: '2024-11-31' });
    await sessions.doc('typed-no-kind').set({ title: '手工录入：没有类型', date: '2024-11-20', start: '9:00' });
    await sessions
      .doc('typed-garbage')
      .set({ kind: ['lecture'], title: 42, speakers: 'x', date: { when: 'soon' }, start: true, order: 'first' });
    await sessions.doc('typed-empty').set({ 备注: '只有一个无关字段' });
    await emulator.db.collection('training_materials').doc('typed-file').set({
      title: '手工上传的课件',
      sessionId: 'typed-no-kind',
      fileId: 'cloud://local.bucket/slides/课件.pdf',
      size: 1024,
    });
  });

  afterAll(async () => {
    for (const id of ['typed-bad-date', 'typed-no-kind', 'typed-garbage', 'typed-empty']) {
      await emulator.db.collection('training_sessions').doc(id).remove();
    }
    await emulator.db.collection('training_materials').doc('typed-file').remove();
  });

  it('do not break the overview: a bad date goes to 待定, a missing kind becomes 其他', async () => {
    const overview = await call<OverviewResponse>({ action: 'overview' });
    const badDate = overview.unscheduled.find((s) => s.id === 'typed-bad-date');
    expect(badDate?.problems.join('')).toContain('日期“2024-11-31”无法识别');
    const noKind = overview.days[2].sessions.find((s) => s.id === 'typed-no-kind');
    expect(noKind).toMatchObject({ kind: 'other', start: '09:00', partOfDay: '上午', precision: 'time' });
    expect(overview.unscheduled.find((s) => s.id === 'typed-garbage')).toMatchObject({
      kind: 'other',
      date: null,
      start: null,
    });
    expect(overview.counts).toEqual({ lecture: 6, exchange: 1, discussion: 1, other: 3, total: 11 });
  });

  it('list a file whose address storage cannot give as not openable, instead of failing', async () => {
    const { materials } = await call<SessionResponse>({ action: 'session', id: 'typed-no-kind' });
    expect(materials).toEqual([
      expect.objectContaining({
        id: 'typed-file',
        kind: 'file',
        fileType: 'pdf',
        size: 1024,
        downloadUrl: null,
        openable: false,
      }),
    ]);
    expect(materials[0].problems.join('')).toContain('未填写类型');
  });
});
