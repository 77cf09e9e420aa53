import {
  isCloudFileId,
  normalizeMaterial,
  normalizeSession,
  normalizeTraining,
  withDownloadUrl,
} from '../../../core/training/read-stored';

describe('normalizeSession: hand-typed sessions', () => {
  it('reads a clean session with exact times', () => {
    const session = normalizeSession({
      _id: 's1',
      kind: 'lecture',
      title: '讲题',
      speakers: [{ name: '张三', post: '主任' }],
      date: '2024-11-18',
      start: '08:30',
      end: '10:00',
      place: '报告厅',
      materialIds: ['m1'],
      order: 2,
    });
    expect(session).toMatchObject({
      id: 's1',
      kind: 'lecture',
      kindLabel: '专题讲座',
      speakers: [{ name: '张三', post: '主任', role: '' }],
      date: '2024-11-18',
      partOfDay: '上午',
      start: '08:30',
      end: '10:00',
      precision: 'time',
      materialIds: ['m1'],
      order: 2,
      problems: [],
    });
  });

  it('knows the four precision levels', () => {
    expect(normalizeSession({ _id: 'a', kind: 'lecture' })?.precision).toBe('none');
    expect(normalizeSession({ _id: 'a', kind: 'lecture', date: '2024-11-18' })?.precision).toBe('day');
    expect(normalizeSession({ _id: 'a', kind: 'lecture', date: '2024-11-18', partOfDay: '下午' })?.precision).toBe(
      'partOfDay',
    );
    expect(normalizeSession({ _id: 'a', kind: 'lecture', date: '2024-11-18', start: '19:30' })).toMatchObject({
      precision: 'time',
      partOfDay: '晚上',
    });
    // A part of day without a day is kept (the page shows it) but places the session nowhere.
    expect(normalizeSession({ _id: 'a', kind: 'discussion', partOfDay: '晚上' })).toMatchObject({
      precision: 'none',
      partOfDay: '晚上',
    });
  });

  it('turns a missing or unknown kind into other, and says so', () => {
    const missing = normalizeSession({ _id: 'a', title: '开班仪式' });
    expect(missing).toMatchObject({ kind: 'other', kindLabel: '其他' });
    expect(missing?.problems).toContain('未填写类型，按“其他”显示');
    expect(normalizeSession({ _id: 'a', kind: 'party' })?.kind).toBe('other');
    expect(normalizeSession({ _id: 'a', kind: 42 })?.kind).toBe('other');
    expect(normalizeSession({ _id: 'a', kind: '分组研讨' })?.kind).toBe('discussion');
    expect(normalizeSession({ _id: 'a', kind: 'Lecture' })?.kind).toBe('lecture');
  });

  it('puts a session with a bad date among the unplaced ones instead of failing', () => {
    for (const date of ['2024-11-31', '11月19日', 'tomorrow', 20241119, { year: 2024 }, ['2024-11-19'], true]) {
      const session = normalizeSession({ _id: 'a', kind: 'lecture', title: 't', date });
      expect(session?.date).toBeNull();
      expect(session?.precision).toBe('none');
      expect(session?.problems.join('')).toContain('无法识别');
    }
  });

  it('reads loosely typed dates, times and numbers', () => {
    expect(
      normalizeSession({
        _id: 'a',
        kind: 'lecture',
        title: 't',
        date: '2024/11/19',
        start: '9:00',
        end: '11点',
        durationMinutes: '90',
        order: '3',
      }),
    ).toMatchObject({ date: '2024-11-19', start: '09:00', end: '11:00', durationMinutes: 90, order: 3, problems: [] });
    expect(normalizeSession({ _id: 'a', kind: 'lecture', date: new Date('2024-11-18T16:30:00Z') })?.date).toBe(
      '2024-11-19',
    );
    expect(normalizeSession({ _id: 'a', kind: 'lecture', date: { $date: '2024-11-18T16:30:00Z' } })?.date).toBe(
      '2024-11-19',
    );
  });

  it('drops what cannot be used and names it', () => {
    const session = normalizeSession({
      _id: 'a',
      kind: 'lecture',
      start: '25:00',
      end: 'noon',
      partOfDay: '半夜',
      speakers: [{ post: '无名' }, '李四 副主任', 7],
      groupCount: -3,
      materialIds: 'm1、m2',
      title: ['not', 'text'],
    });
    expect(session).toMatchObject({
      start: null,
      end: null,
      partOfDay: null,
      speakers: [{ name: '李四', post: '副主任', role: '' }],
      groupCount: null,
      materialIds: ['m1', 'm2'],
      title: '（未命名专题讲座）',
    });
    expect(session?.problems.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses an end that is not after the start', () => {
    const session = normalizeSession({ _id: 'a', kind: 'lecture', date: '2024-11-18', start: '10:00', end: '09:00' });
    expect(session).toMatchObject({ start: '10:00', end: null });
  });

  it('drops only what is not a document', () => {
    for (const raw of [null, undefined, 'text', 3, [], {}, { _id: '' }, { _id: { nested: true } }]) {
      expect(normalizeSession(raw)).toBeNull();
    }
  });
});

describe('normalizeTraining', () => {
  it('reports dates the wrong way round and bad group counts', () => {
    const training = normalizeTraining({
      _id: 't',
      name: '班',
      startDate: '2024-11-20',
      endDate: '2024-11-18',
      groupCount: 'ten',
    });
    expect(training).toMatchObject({
      startDate: '2024-11-20',
      endDate: '2024-11-18',
      groupCount: null,
      reportArticleId: null,
    });
    expect(training?.problems).toHaveLength(2);
  });
});

describe('normalizeMaterial', () => {
  it('reads a file and infers its type from the cloud file id', () => {
    const material = normalizeMaterial({
      _id: 'm',
      kind: 'file',
      title: '课件',
      fileId: 'cloud://env.bucket/slides/第一讲.PPTX',
      size: '2048',
    });
    expect(material).toMatchObject({
      kind: 'file',
      fileType: 'pptx',
      size: 2048,
      downloadUrl: null,
      openable: false,
      problems: [],
    });
    expect(withDownloadUrl(material!, 'https://files.example/x.pptx')).toMatchObject({ openable: true });
  });

  it('never calls a file openable when the phone cannot open its type', () => {
    const material = normalizeMaterial({ _id: 'm', kind: 'file', title: '视频', fileId: 'cloud://env/a.mp4' });
    expect(withDownloadUrl(material!, 'https://files.example/a.mp4').openable).toBe(false);
    expect(material?.problems).toContain('手机无法打开 mp4 类型的文件');
  });

  it('infers a missing kind from the id that was filled in', () => {
    expect(normalizeMaterial({ _id: 'm', title: '笔记', articleId: 'note-1' })).toMatchObject({
      kind: 'article',
      openable: true,
    });
    expect(normalizeMaterial({ _id: 'm', title: 'x', fileId: 'cloud://e/a.pdf' })).toMatchObject({
      kind: 'file',
      fileType: 'pdf',
    });
  });

  it('accepts a cloud file whose name has spaces, as organisers upload it', () => {
    const fileId = 'cloud://env-1.bucket/courseware/课件 一.pdf';
    const material = normalizeMaterial({ _id: 'm', kind: 'file', title: '课件', fileId });
    expect(material).toMatchObject({ fileId, fileType: 'pdf', problems: [] });
    expect(isCloudFileId('cloud://env-1.bucket/课件　一（修订）.pptx')).toBe(true);
  });

  it('refuses a cloud id without a file path, and says so', () => {
    for (const fileId of [
      'cloud://env-1.bucket',
      'cloud://env-1.bucket/',
      'cloud://env-1.bucket/   ',
      'cloud:///a.pdf',
    ]) {
      expect(isCloudFileId(fileId)).toBe(false);
    }
    const material = normalizeMaterial({ _id: 'm', kind: 'file', title: 'x', fileId: 'cloud://env-1.bucket/' });
    expect(material?.fileId).toBeNull();
    expect(material?.problems).toContain('文件“cloud://env-1.bucket/”缺少云存储中的文件路径');
  });

  it('refuses a file id that is not in cloud storage', () => {
    const material = normalizeMaterial({ _id: 'm', kind: 'file', title: 'x', fileId: 'https://example.com/a.pdf' });
    expect(material?.fileId).toBeNull();
    expect(withDownloadUrl(material!, null).openable).toBe(false);
  });
});
