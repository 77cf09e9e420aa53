/** 我的 in miniprogram-simulate: enrolment state, the profile with group and role, leaving with a confirmation. */
import type { MeResponse } from '../../../miniprogram/contracts/trainees';
import { installMiniprogram, openPage, select, selectAll, tap, text } from '../../support/simulate';

/** wx.showModal double: records each dialog and answers with the button the test chooses. */
function installModal(): { shown: string[]; confirm: boolean } {
  const modal = { shown: [] as string[], confirm: true };
  Object.assign((globalThis as unknown as { wx: object }).wx, {
    showModal: async (options: { title?: string }) => {
      modal.shown.push(options.title ?? '');
      return { errMsg: 'showModal:ok', confirm: modal.confirm, cancel: !modal.confirm };
    },
  });
  return modal;
}

const SETTINGS = { groupCount: 10, open: true, openEnrolment: false, locked: false };
const ENROLLED: MeResponse = {
  enrolled: true,
  settings: SETTINGS,
  profile: {
    name: '示例组长',
    unit: '示例县人大常委会',
    post: '',
    groupNo: 3,
    role: 'leader',
    onRoster: true,
    enrolledAt: '2024-11-18T01:00:00.000Z',
  },
};

describe('我的', () => {
  test('a visitor is told they have not joined, with the way to enrol', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { enrolled: false, settings: SETTINGS } }) });
    const page = await openPage('pages/me/index');
    expect(text(select(page, '.join'))).toContain('您还没有加入培训班');
    expect(select(page, '.action--leave')).toBeUndefined();
    await tap(select(page, '.action--enrol'));
    expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/people/enrol/index' }]);
  });

  test('enrolment closed: says so, no enrol button', async () => {
    installMiniprogram({
      cloud: () => ({ ok: true, data: { enrolled: false, settings: { ...SETTINGS, open: false } } }),
    });
    const page = await openPage('pages/me/index');
    expect(text(select(page, '.join'))).toContain('报名尚未开放');
    expect(select(page, '.action--enrol')).toBeUndefined();
  });

  test('an enrolled person sees group, role, name, unit; can edit; privacy link', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: ENROLLED }) });
    const page = await openPage('pages/me/index');
    expect(text(select(page, '.profile__group'))).toBe('第 3 组');
    expect(text(select(page, '.profile__role'))).toBe('组长');
    expect(selectAll(page, '.profile__line').map(text)).toEqual([
      '姓名示例组长',
      '单位示例县人大常委会',
      '职务未填写',
      '身份组长',
    ]);
    await tap(select(page, '.action--edit'));
    await tap(select(page, '.link--privacy'));
    expect(harness.navigations).toEqual([
      { kind: 'navigateTo', url: '/people/enrol/index' },
      { kind: 'navigateTo', url: '/people/privacy/index' },
    ]);
  });

  test('locked roster: no edit button, the reason instead', async () => {
    installMiniprogram({ cloud: () => ({ ok: true, data: { ...ENROLLED, settings: { ...SETTINGS, locked: true } } }) });
    const page = await openPage('pages/me/index');
    expect(select(page, '.action--edit')).toBeUndefined();
    expect(text(select(page, '.profile__note'))).toContain('名单已锁定');
  });

  test('退出培训班 asks first; cancelling sends nothing, confirming leaves and shows the visitor state', async () => {
    let enrolled = true;
    const harness = installMiniprogram({
      cloud: (_name, data) => {
        if (data.action === 'leave') {
          enrolled = false;
          return { ok: true, data: { left: true } };
        }
        return { ok: true, data: enrolled ? ENROLLED : { enrolled: false, settings: SETTINGS } };
      },
    });
    const modal = installModal();
    const page = await openPage('pages/me/index');
    modal.confirm = false;
    await tap(select(page, '.action--leave'));
    expect(modal.shown).toEqual(['退出培训班']);
    expect(harness.cloudCalls.map((call) => call.data.action)).toEqual(['me']);

    modal.confirm = true;
    await tap(select(page, '.action--leave'));
    expect(harness.cloudCalls.map((call) => call.data.action)).toEqual(['me', 'leave', 'me']);
    expect(harness.toasts).toContain('已退出培训班');
    expect(text(select(page, '.join'))).toContain('您还没有加入培训班');
  });

  test('a failure shows the error state with retry', async () => {
    const harness = installMiniprogram({ cloud: () => new Error('timeout') });
    const page = await openPage('pages/me/index');
    expect(text(select(page, '.page-state', '.state-view__error'))).toContain('网络不给力');
    harness.setCloud(() => ({ ok: true, data: ENROLLED }));
    await tap(select(page, '.page-state', '.state-view__retry', '.t-button'));
    expect(text(select(page, '.profile__group'))).toBe('第 3 组');
  });
});
