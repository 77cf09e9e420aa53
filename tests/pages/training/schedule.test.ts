import { installMiniprogram, openPage, select, selectAll, tap, text } from '../../support/simulate';
import { ok, seedOverview, shanghai, timedOverview } from './fixtures';

afterEach(() => jest.restoreAllMocks());

function clockAt(instant: number): void {
  jest.spyOn(Date, 'now').mockReturnValue(instant);
}

describe('日程 tab', () => {
  test('shows the course, a tab per day plus 待定, and the sessions of the chosen tab', async () => {
    clockAt(shanghai('2025-03-01T10:00'));
    const harness = installMiniprogram({ cloud: () => ok(seedOverview()) });
    const page = await openPage('pages/schedule/index');

    expect(harness.cloudCalls).toEqual([{ name: 'training', data: { action: 'overview' } }]);
    const course = text(select(page, '.course'));
    expect(course).toContain('信阳全市县乡人大干部履职能力提升培训班');
    expect(course).toContain('2024年11月18日至20日');
    expect(course).toContain('大别山干部学院');
    // Each count is its own item, so a narrow line wraps between them, never inside one.
    expect(selectAll(page, '.course__count').map(text)).toEqual(['5堂专题讲座', '1场交流会', '1次分组研讨']);

    const tabs = selectAll(page, '.tab');
    expect(tabs.map(text)).toEqual(['11月18日周一', '11月19日周二', '11月20日周三', '待定未排日期']);
    // Two by two: at a large font step the second pair wraps under the first instead of being cut off.
    expect(selectAll(page, '.tabs__pair').map((pair) => selectAll(pair, '.tab').length)).toEqual([2, 2]);
    // After the course, the first day that has sessions opens: the exchange meeting, afternoon, no hour.
    expect(text(select(page, '.tab--active'))).toContain('11月19日');
    const cards = selectAll(page, '.session');
    expect(cards).toHaveLength(1);
    expect(text(cards[0])).toContain('下午');
    expect(text(cards[0])).toContain('交流会');
    expect(text(cards[0])).toContain('陶中华（浉河区人大常委会主任）、胡文进（罗山县灵山镇人大主席） 等4人');
    expect(text(cards[0])).not.toMatch(/\d{2}:\d{2}/);

    await tap(tabs[0]);
    expect(selectAll(page, '.session')).toHaveLength(0);
    expect(text(select(page, '.tab-hint'))).toBe('这一天的日程尚未排定，未排日期的课程见“待定”');

    await tap(tabs[3]);
    const unplaced = selectAll(page, '.session');
    expect(selectAll(page, '.session__title').map(text)).toEqual([
      '鄂豫皖老区全过程人民民主的实践探索与传承创新',
      '发展全过程人民民主、推动人大工作高质量发展',
      '深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想',
      '民生实事项目人大代表票决制',
      '扎实开展预算审查监督、国有资产管理监督、政府债务管理监督工作',
      '分组研讨',
    ]);
    expect(text(unplaced[0])).toContain('日期待定');
    expect(text(unplaced[5])).toContain('晚上（日期待定）');
    expect(text(unplaced[5])).toContain('分10个组 · 约2小时');
    expect(text(select(page, '.tab-hint'))).toContain('日期尚未排定');

    await tap(unplaced[2]);
    expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/training/session/index?id=lecture-wu-wenyi' }]);
  });

  test('during the course opens today and marks the session under way and the next one', async () => {
    clockAt(shanghai('2024-11-18T09:15'));
    installMiniprogram({ cloud: () => ok(timedOverview()) });
    const page = await openPage('pages/schedule/index');

    expect(text(select(page, '.tab--active'))).toBe('11月18日今天');
    const cards = selectAll(page, '.session');
    expect(cards).toHaveLength(4);
    expect(selectAll(page, '.session__time').map(text)).toEqual(['08:30–09:00', '09:00–11:30', '14:30 起', '时间待定']);
    expect(text(select(page, '.session--now'))).toContain('上午讲座');
    expect(text(select(page, '.session--now'))).toContain('进行中');
    expect(text(select(page, '.session--next'))).toContain('下午讲座');
    expect(text(select(page, '.session--next'))).toContain('下一项');
    expect(selectAll(page, '.session--now')).toHaveLength(1);
  });

  test('uses Shanghai time at midnight UTC: 23:59 on the 18th is still day 1, a minute later day 2', async () => {
    // 2024-11-18T15:59Z is 23:59 in Shanghai (but still the 18th in UTC, and in New York the morning).
    clockAt(Date.parse('2024-11-18T15:59:00Z'));
    installMiniprogram({ cloud: () => ok(timedOverview()) });
    let page = await openPage('pages/schedule/index');
    expect(text(select(page, '.tab--active'))).toBe('11月18日今天');
    // The 14:30 session runs until its part of day (下午) ends: nothing is under way at 23:59.
    expect(select(page, '.session--now')).toBeUndefined();

    jest.restoreAllMocks();
    clockAt(Date.parse('2024-11-18T16:01:00Z'));
    page = await openPage('pages/schedule/index');
    expect(text(select(page, '.tab--active'))).toBe('11月19日今天');
    // The exchange meeting (19 November, 下午, no hour) comes next; it is marked, not given an hour.
    const next = select(page, '.session--next');
    expect(text(next)).toContain('交流会');
    expect(text(next)).toContain('下一项');
  });

  test('marks a part-of-day session as under way during that part of its day', async () => {
    clockAt(shanghai('2024-11-19T15:00'));
    installMiniprogram({ cloud: () => ok(seedOverview()) });
    const page = await openPage('pages/schedule/index');
    expect(text(select(page, '.session--now'))).toContain(
      '信阳人大学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想交流会',
    );
  });

  test('re-marks the sessions when a minute passes on an open page', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'nextTick', 'setImmediate', 'queueMicrotask', 'Date'] });
    try {
      clockAt(shanghai('2024-11-18T08:59'));
      installMiniprogram({ cloud: () => ok(timedOverview()) });
      const page = await openPage('pages/schedule/index');
      expect(text(select(page, '.session--next'))).toContain('上午讲座');

      jest.restoreAllMocks();
      clockAt(shanghai('2024-11-18T09:00'));
      jest.advanceTimersByTime(60_000);
      expect(text(select(page, '.session--now'))).toContain('上午讲座');
      expect(text(select(page, '.session--next'))).toContain('下午讲座');
    } finally {
      jest.useRealTimers();
    }
  });

  test('a failure shows the error state, and retry loads the schedule', async () => {
    clockAt(shanghai('2025-03-01T10:00'));
    const harness = installMiniprogram({ cloud: () => new Error('timeout') });
    const page = await openPage('pages/schedule/index');
    expect(text(select(page, '.page-state', '.state-view__error'))).toContain('网络不给力');
    harness.setCloud(() => ok(seedOverview()));
    await tap(select(page, '.page-state', '.state-view__retry', '.t-button'));
    expect(selectAll(page, '.tab')).toHaveLength(4);
  });
});
