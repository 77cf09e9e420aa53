// The export's pure part: what the Word file and the two sheets of the Excel file hold, from documents as read.
import { readReflection } from '../../../core/reflections/read-stored';
import type { ReflectionDocument } from '../../../core/reflections/stored';
import { readEnrolment, type Enrolment } from '../../../core/trainees/read-stored';
import { normalizeSession, normalizeTraining } from '../../../core/training/read-stored';
import type { SessionView } from '../../../miniprogram/contracts/training';
import { DEFAULT_OUT_DIR, parseExportArguments, UsageError } from '../../../scripts/export/arguments';
import {
  excelDate,
  exportResults,
  NOT_SUBMITTED,
  paragraphsOf,
  type ExportSources,
} from '../../../scripts/export/results';

const training = normalizeTraining({
  _id: 't',
  name: '示例培训班',
  startDate: '2024-11-18',
  endDate: '2024-11-20',
  groupCount: 3,
});
const discussion = normalizeSession({
  _id: 's1',
  kind: '分组研讨',
  title: '分组研讨',
  date: '2024-11-19',
}) as SessionView;

function reflection(id: string, fields: Record<string, unknown>): ReflectionDocument {
  return readReflection({
    _id: id,
    authorOpenid: 'a',
    authorName: '示例学员甲',
    authorUnit: '示例单位',
    groupNo: 1,
    title: `标题${id}`,
    content: '第一段。\n\n  第二段。  \n',
    status: 'published',
    featured: false,
    sessionId: null,
    sessionTitle: '',
    createdAt: new Date('2024-11-19T07:30:00Z'),
    ...fields,
  }) as ReflectionDocument;
}

function person(openid: string, name: string, groupNo: unknown, role = 'trainee'): Enrolment {
  return readEnrolment({ _id: openid, name, unit: '示例单位', post: '主任', groupNo, role }) as Enrolment;
}

function sources(fields: Partial<ExportSources>): ExportSources {
  return { training, sessions: [discussion], trainees: [], reflections: [], groupNo: null, ...fields };
}

describe('exportResults', () => {
  it('titles the course with its dates and gives every group of the course a heading, empty ones too', () => {
    const results = exportResults(sources({ reflections: [reflection('r1', { groupNo: 2 })] }));
    expect(results).toMatchObject({ title: '分组研讨成果', courseName: '示例培训班', dates: '2024年11月18日至20日' });
    expect(results.groups.map((group) => [group.groupNo, group.entries.length])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });

  it('puts only published reflections in the Word file, featured first, then oldest first', () => {
    const at = (hour: number) => new Date(Date.UTC(2024, 10, 19, hour));
    const results = exportResults(
      sources({
        reflections: [
          reflection('late-featured', { featured: true, createdAt: at(9) }),
          reflection('early', { createdAt: at(1) }),
          reflection('hidden', { status: 'hidden', createdAt: at(0) }),
          reflection('withdrawn', { status: 'withdrawn' }),
          reflection('pending', { status: 'pending' }),
          reflection('middle', { createdAt: at(5) }),
        ],
      }),
    );
    expect(results.groups[0].entries.map((entry) => [entry.title, entry.featured])).toEqual([
      ['标题late-featured', true],
      ['标题early', false],
      ['标题middle', false],
    ]);
    // Excel lists all six by time (ties by id) with their status in Chinese; 优秀 only for a published featured one.
    expect(results.reflectionRows.map((row) => [row.title, row.status, row.featured])).toEqual([
      ['标题hidden', '已隐藏', ''],
      ['标题early', '已发布', ''],
      ['标题middle', '已发布', ''],
      ['标题pending', '待审核', ''],
      ['标题withdrawn', '已撤回', ''],
      ['标题late-featured', '已发布', '优秀'],
    ]);
  });

  it('shows the session by its current title and day, else as written; the date in Shanghai time; the text as paragraphs', () => {
    const results = exportResults(
      sources({
        reflections: [
          reflection('r1', { sessionId: 's1', sessionTitle: '旧标题' }),
          reflection('r2', { sessionId: 'gone', sessionTitle: '写时的标题' }),
        ],
      }),
    );
    const [first, second] = results.groups[0].entries;
    expect(first).toMatchObject({ session: '分组研讨（11月19日）', date: '2024-11-19 15:30' });
    expect(first.paragraphs).toEqual(['第一段。', '第二段。']);
    expect(second.session).toBe('写时的标题');
    expect(results.reflectionRows[0]).toMatchObject({
      submittedAt: new Date('2024-11-19T15:30:00Z'),
      // Every grapheme, line breaks too, as the write page's limit counts them.
      graphemes: 15,
    });
    expect(
      exportResults(sources({ reflections: [reflection('e', { content: '👨‍👩‍👧好' }) /* the family emoji is one */] }))
        .reflectionRows[0].graphemes,
    ).toBe(2);
  });

  it('lists every enrolled person with published and pending counts and the latest submission, or 未提交', () => {
    const results = exportResults(
      sources({
        trainees: [
          person('b', '示例学员乙', 1, 'leader'),
          person('a', '示例学员甲', 1),
          person('c', '示例学员丙', null),
        ],
        reflections: [
          reflection('r1', { authorOpenid: 'a', createdAt: new Date('2024-11-19T01:00:00Z') }),
          reflection('r2', { authorOpenid: 'a', status: 'pending', createdAt: new Date('2024-11-20T02:00:00Z') }),
          reflection('r3', { authorOpenid: 'a', status: 'withdrawn', createdAt: new Date('2024-11-18T02:00:00Z') }),
        ],
      }),
    );
    expect(results.submissionRows).toEqual([
      {
        groupNo: 1,
        name: '示例学员甲',
        unit: '示例单位',
        post: '主任',
        role: '学员',
        published: 1,
        pending: 1,
        lastSubmitted: excelDate(new Date('2024-11-20T02:00:00Z')),
      },
      expect.objectContaining({
        name: '示例学员乙',
        role: '组长',
        published: 0,
        pending: 0,
        lastSubmitted: NOT_SUBMITTED,
      }),
      expect.objectContaining({ name: '示例学员丙', groupNo: null, lastSubmitted: NOT_SUBMITTED }),
    ]);
  });

  it('with a group, keeps that group only (a group typed by hand as "2" counts)', () => {
    const results = exportResults(
      sources({
        groupNo: 2,
        trainees: [person('a', '示例学员甲', 1), person('b', '示例学员乙', '2')],
        reflections: [reflection('r1', { groupNo: 1 }), reflection('r2', { groupNo: 2 })],
      }),
    );
    expect(results.title).toBe('分组研讨成果（第 2 组）');
    expect(results.groups.map((group) => group.groupNo)).toEqual([2]);
    expect(results.reflectionRows.map((row) => row.title)).toEqual(['标题r2']);
    expect(results.submissionRows.map((row) => row.name)).toEqual(['示例学员乙']);
  });

  it('without a course document, heads the groups that have data and leaves the dates out', () => {
    const results = exportResults(
      sources({
        training: null,
        trainees: [person('a', '示例学员甲', 2)],
        reflections: [reflection('r', { groupNo: 1 })],
      }),
    );
    expect(results).toMatchObject({ courseName: '', dates: '' });
    expect(results.groups.map((group) => group.groupNo)).toEqual([1, 2]);
  });

  it('excelDate moves an instant by +08:00 so the cell reads the Shanghai wall clock', () => {
    expect(excelDate(new Date('2024-11-18T16:30:00Z')).toISOString()).toBe('2024-11-19T00:30:00.000Z');
  });

  it('paragraphsOf drops blank lines and trims', () => {
    expect(paragraphsOf('一\r\n\r\n 二 \n  \n三')).toEqual(['一', '二', '三']);
  });
});

describe('parseExportArguments', () => {
  it('reads --group and --out, with a space or =', () => {
    expect(parseExportArguments([])).toEqual({ groupNo: null, outDir: DEFAULT_OUT_DIR });
    expect(parseExportArguments(['--group', '3', '--out', 'out dir'])).toEqual({ groupNo: 3, outDir: 'out dir' });
    expect(parseExportArguments(['--group=12', '--out=x'])).toEqual({ groupNo: 12, outDir: 'x' });
  });

  it.each([
    [['--group', '0'], '--group 应为组号（1 到 99 的整数），收到“0”'],
    [['--group', 'abc'], '收到“abc”'],
    [['--group', '1.5'], '收到“1.5”'],
    [['--group', '100'], '收到“100”'],
    [['--group'], '--group 后面缺少组号'],
    [['--group', '--out', 'x'], '--group 后面缺少组号'],
    [['--out='], '--out 后面缺少文件夹'],
    [['--verbose'], '不认识的选项 --verbose'],
    [['-g', '1'], '不认识的选项 -g'],
    [['3'], '多余的参数“3”'],
    [['--group', '1', '--group', '2'], '--group 只能写一次'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseExportArguments(argv)).toThrow(UsageError);
    expect(() => parseExportArguments(argv)).toThrow(message);
  });
});
