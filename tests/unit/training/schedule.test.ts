import type { SessionView } from '../../../miniprogram/contracts/training';
import { normalizeSession, normalizeTraining } from '../../../core/training/read-stored';
import { buildOverview, materialsOfSession, pickTraining } from '../../../core/training/schedule';
import { normalizeMaterial } from '../../../core/training/read-stored';

function session(raw: Record<string, unknown>): SessionView {
  const view = normalizeSession({ kind: 'lecture', title: String(raw._id), ...raw });
  if (!view) throw new Error('test session did not normalise');
  return view;
}

const training = normalizeTraining({ _id: 't', name: '班', startDate: '2024-11-18', endDate: '2024-11-20' });

describe('buildOverview', () => {
  it('gives every course day a tab, empty or not, and keeps unplaced sessions apart', () => {
    const overview = buildOverview(training, [session({ _id: 'a', date: '2024-11-19' }), session({ _id: 'b' })]);
    expect(overview.days.map((day) => [day.date, day.sessions.map((s) => s.id)])).toEqual([
      ['2024-11-18', []],
      ['2024-11-19', ['a']],
      ['2024-11-20', []],
    ]);
    expect(overview.unscheduled.map((s) => s.id)).toEqual(['b']);
  });

  it('orders a day by part of day, then hour, then explicit order, whatever the database order', () => {
    const sessions = [
      session({ _id: 'evening', date: '2024-11-18', partOfDay: '晚上' }),
      session({ _id: 'no-part', date: '2024-11-18' }),
      session({ _id: 'pm-untimed', date: '2024-11-18', partOfDay: '下午' }),
      session({ _id: 'pm-1500', date: '2024-11-18', start: '15:00' }),
      session({ _id: 'pm-1430', date: '2024-11-18', start: '14:30' }),
      session({ _id: 'am-order-2', date: '2024-11-18', partOfDay: '上午', order: 2 }),
      session({ _id: 'am-order-1', date: '2024-11-18', partOfDay: '上午', order: 1 }),
      session({ _id: 'am-0830', date: '2024-11-18', start: '08:30' }),
    ];
    const expected = ['am-0830', 'am-order-1', 'am-order-2', 'pm-1430', 'pm-1500', 'pm-untimed', 'evening', 'no-part'];
    expect(buildOverview(training, sessions).days[0].sessions.map((s) => s.id)).toEqual(expected);
    expect(buildOverview(training, [...sessions].reverse()).days[0].sessions.map((s) => s.id)).toEqual(expected);
  });

  it('orders unplaced sessions by explicit order, then kind, then id', () => {
    const overview = buildOverview(training, [
      session({ _id: 'z', kind: 'discussion' }),
      session({ _id: 'y' }),
      session({ _id: 'x', kind: 'other', order: 1 }),
    ]);
    expect(overview.unscheduled.map((s) => s.id)).toEqual(['x', 'y', 'z']);
  });

  it('shows a session dated outside the course on its own day, marked as such', () => {
    const overview = buildOverview(training, [session({ _id: 'late', date: '2024-11-25' })]);
    expect(overview.days.map((day) => [day.date, day.withinCourse])).toEqual([
      ['2024-11-18', true],
      ['2024-11-19', true],
      ['2024-11-20', true],
      ['2024-11-25', false],
    ]);
  });

  it('counts sessions by kind', () => {
    const overview = buildOverview(training, [
      session({ _id: 'a' }),
      session({ _id: 'b', kind: 'exchange' }),
      session({ _id: 'c', kind: 'nonsense' }),
    ]);
    expect(overview.counts).toEqual({ lecture: 1, exchange: 1, discussion: 0, other: 1, total: 3 });
  });

  it('still answers without a training document or with its dates mistyped', () => {
    expect(buildOverview(null, [session({ _id: 'a', date: '2024-11-19' })]).days.map((d) => d.date)).toEqual([
      '2024-11-19',
    ]);
    const broken = normalizeTraining({ _id: 't', startDate: 'soon', endDate: '2024-11-20' });
    expect(buildOverview(broken, []).days).toEqual([]);
    const runaway = normalizeTraining({ _id: 't', startDate: '2024-11-18', endDate: '2042-11-20' });
    expect(buildOverview(runaway, []).days).toHaveLength(31);
  });
});

describe('pickTraining', () => {
  it('takes the training that starts last', () => {
    const older = normalizeTraining({ _id: 'old', startDate: '2023-11-18' })!;
    const newer = normalizeTraining({ _id: 'new', startDate: '2024-11-18' })!;
    const undated = normalizeTraining({ _id: 'undated' })!;
    expect(pickTraining([older, undated, newer])?.id).toBe('new');
    expect(pickTraining([])).toBeNull();
  });
});

describe('materialsOfSession', () => {
  it('lists the session’s materialIds first, in that order, then materials pointing at it', () => {
    const s = session({ _id: 's', materialIds: ['m2', 'missing', 'm1'] });
    const materials = ['m1', 'm2', 'm3', 'other']
      .map((id) => normalizeMaterial({ _id: id, title: id, articleId: 'a', sessionId: id === 'other' ? 'x' : 's' }))
      .filter((m) => m !== null);
    expect(materialsOfSession(s, materials).map((m) => m.id)).toEqual(['m2', 'm1', 'm3']);
  });
});
