/**
 * The enrolment form in miniprogram-simulate: privacy consent before any field, per-field messages
 * (client-side, and refusals from the function placed under their field), typed values kept after a
 * failed submit, and the submit button's state.
 */
import type { MeResponse } from '../../../miniprogram/contracts/trainees';
import { ENROL_MESSAGES } from '../../../miniprogram/contracts/trainees';
import { FIELD_MESSAGES } from '../../../miniprogram/lib/enrolment-fields';
import {
  agreePrivacy,
  installMiniprogram,
  openPage,
  select,
  selectAll,
  settle,
  tap,
  text,
  type CloudHandler,
  type Harness,
  type SimComponent,
} from '../../support/simulate';

const SETTINGS = { groupCount: 10, open: true, openEnrolment: true, locked: false };
const VISITOR: MeResponse = { enrolled: false, settings: SETTINGS };

function trainees(answers: { me?: MeResponse; enroll?: unknown }): CloudHandler {
  return (_name, data) => {
    if (data.action === 'me') return { ok: true, data: answers.me ?? VISITOR };
    if (data.action === 'enroll') return answers.enroll;
    return new Error(`unexpected ${String(data.action)}`);
  };
}

async function type(page: SimComponent, field: string, value: string): Promise<void> {
  const input = select(page, `.field__input--${field}`);
  if (!input) throw new Error(`no input for ${field}`);
  input.dispatchEvent('input', { detail: { value } });
  await settle();
}

function errorOf(page: SimComponent, field: string): string {
  return text(select(page, `.field__error--${field}`));
}

async function consentedForm(harness: Harness): Promise<SimComponent> {
  const page = await openPage('people/enrol/index');
  await agreePrivacy(harness, select(page, '.consent__agree'));
  return page;
}

async function fillValid(page: SimComponent): Promise<void> {
  await type(page, 'name', '王小明');
  await type(page, 'unit', '某县人大常委会');
  await type(page, 'post', '科员');
  await tap(selectAll(page, '.group')[2]);
  await type(page, 'enrolCode', '口令');
}

describe('报名表 · privacy consent', () => {
  test('shows the consent card, not a single field, until the person agrees', async () => {
    const harness = installMiniprogram({ cloud: trainees({}) });
    const page = await openPage('people/enrol/index');
    expect(text(select(page, '.consent'))).toContain('姓名、单位、职务和所在小组');
    expect(select(page, '.field__input--name')).toBeUndefined();
    expect(select(page, '.form__submit')).toBeUndefined();

    await tap(select(page, '.consent__contract'));
    expect(harness.contractsOpened).toBe(1);

    await agreePrivacy(harness, select(page, '.consent__agree'));
    expect(harness.privacy.isAgreed()).toBe(true);
    expect(select(page, '.consent')).toBeUndefined();
    expect(select(page, '.field__input--name')).toBeDefined();
  });

  test('someone who agreed before goes straight to the form', async () => {
    installMiniprogram({ cloud: trainees({}), privacyAgreed: true });
    const page = await openPage('people/enrol/index');
    expect(select(page, '.consent')).toBeUndefined();
    expect(select(page, '.field__input--name')).toBeDefined();
  });

  test('不同意 leaves the form without sending anything', async () => {
    const harness = installMiniprogram({ cloud: trainees({}) });
    const page = await openPage('people/enrol/index');
    await tap(select(page, '.consent__disagree'));
    expect(harness.cloudCalls.filter((call) => call.data.action === 'enroll')).toHaveLength(0);
    expect(harness.privacy.isAgreed()).toBe(false);
  });
});

describe('报名表 · privacy listener after the page closes', () => {
  /** Starts a privacy-checked call (as wx.setClipboardData would be) and reports how it ended, if it did. */
  /** Closing the page on a phone: onUnload, then the component detaches (the simulator's detach skips onUnload). */
  function close(page: SimComponent): void {
    (page.instance as unknown as { onUnload?: () => void }).onUnload?.();
    page.detach();
  }

  function privacyCheckedCall(): { outcome: string } {
    const state = { outcome: 'waiting' };
    wx.requirePrivacyAuthorize({
      success: () => void (state.outcome = 'agreed'),
      fail: () => void (state.outcome = 'refused'),
    });
    return state;
  }

  test('a request waiting on the closed page is refused, and later ones go to WeChat instead of the dead page', async () => {
    const harness = installMiniprogram({ cloud: trainees({}) });
    const page = await openPage('people/enrol/index');
    const pending = privacyCheckedCall();
    await settle();
    expect(pending.outcome).toBe('waiting');
    close(page);
    await settle();
    expect(pending.outcome).toBe('refused');

    const later = privacyCheckedCall(); // e.g. copying a link in an article
    await settle();
    expect(later.outcome).toBe('refused'); // the harness's WeChat popup answers 不同意
    expect(harness.privacy.isAgreed()).toBe(false);
  });

  test('where WeChat cannot remove the listener, the closed page answers at once instead of holding the call', async () => {
    installMiniprogram({ cloud: trainees({}) });
    delete (wx as unknown as { offNeedPrivacyAuthorization?: unknown }).offNeedPrivacyAuthorization;
    const page = await openPage('people/enrol/index');
    close(page);
    await settle();
    const later = privacyCheckedCall();
    await settle();
    expect(later.outcome).toBe('refused');
  });
});

describe('报名表 · fields', () => {
  test('an empty submit puts a Chinese message under every required field and sends nothing', async () => {
    const harness = installMiniprogram({ cloud: trainees({}) });
    const page = await consentedForm(harness);
    await tap(select(page, '.form__submit'));
    expect(errorOf(page, 'name')).toBe(FIELD_MESSAGES.nameMissing);
    expect(errorOf(page, 'unit')).toBe(FIELD_MESSAGES.unitMissing);
    expect(errorOf(page, 'groupNo')).toBe(FIELD_MESSAGES.groupMissing);
    expect(errorOf(page, 'enrolCode')).toBe(FIELD_MESSAGES.enrolCodeMissing);
    expect(select(page, '.field__error--post')).toBeUndefined();
    expect(harness.cloudCalls.filter((call) => call.data.action === 'enroll')).toHaveLength(0);
  });

  test('each wrong field gets its own message, and typing there clears it', async () => {
    const harness = installMiniprogram({ cloud: trainees({}) });
    const page = await consentedForm(harness);
    await fillValid(page);
    await type(page, 'name', '王');
    await type(page, 'unit', '单'.repeat(41));
    await type(page, 'post', '职'.repeat(31));
    await tap(select(page, '.form__submit'));
    expect(errorOf(page, 'name')).toBe(FIELD_MESSAGES.nameLength);
    expect(errorOf(page, 'unit')).toBe(FIELD_MESSAGES.unitLength);
    expect(errorOf(page, 'post')).toBe(FIELD_MESSAGES.postLength);
    expect(select(page, '.field__error--groupNo')).toBeUndefined();

    await type(page, 'name', '王小明');
    expect(select(page, '.field__error--name')).toBeUndefined();
    await type(page, 'name', '王小2');
    await tap(select(page, '.form__submit'));
    expect(errorOf(page, 'name')).toBe(FIELD_MESSAGES.nameChars);
  });

  test('sends the typed values with the chosen group, then goes to 我的', async () => {
    const harness = installMiniprogram({
      cloud: trainees({ enroll: { ok: true, data: { profile: {} } } }),
    });
    const page = await consentedForm(harness);
    await fillValid(page);
    await tap(select(page, '.form__submit'));
    expect(harness.cloudCalls.find((call) => call.data.action === 'enroll')?.data).toEqual({
      action: 'enroll',
      name: '王小明',
      unit: '某县人大常委会',
      post: '科员',
      groupNo: 3,
      enrolCode: '口令',
    });
    expect(harness.toasts).toContain('报名成功');
    expect(harness.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/me/index' });
  });

  test('a refusal lands under its field and every typed value stays', async () => {
    const harness = installMiniprogram({
      cloud: trainees({
        enroll: { ok: false, error: { code: 'INVALID_ARGUMENT', message: ENROL_MESSAGES.wrongEnrolCode } },
      }),
    });
    const page = await consentedForm(harness);
    await fillValid(page);
    await tap(select(page, '.form__submit'));
    expect(errorOf(page, 'enrolCode')).toBe(ENROL_MESSAGES.wrongEnrolCode);
    expect(page.instance.data).toMatchObject({
      values: { name: '王小明', unit: '某县人大常委会', post: '科员', groupNo: 3, enrolCode: '口令' },
    });
    expect(selectAll(page, '.group--chosen').map(text)).toEqual(['第3组']);
    expect(harness.navigations).toEqual([]);
  });

  test('a leader row without 认领码 opens the 认领码 field with the message', async () => {
    const harness = installMiniprogram({
      cloud: trainees({
        enroll: { ok: false, error: { code: 'INVALID_ARGUMENT', message: ENROL_MESSAGES.claimCodeNeeded } },
      }),
    });
    const page = await consentedForm(harness);
    expect(select(page, '.field__input--claimCode')).toBeUndefined();
    await fillValid(page);
    await tap(select(page, '.form__submit'));
    expect(errorOf(page, 'claimCode')).toBe(ENROL_MESSAGES.claimCodeNeeded);
  });

  test('a refusal about the whole form (locked) shows above the button; a network failure too, values kept', async () => {
    const harness = installMiniprogram({
      cloud: trainees({ enroll: { ok: false, error: { code: 'CONFLICT', message: ENROL_MESSAGES.locked } } }),
    });
    const page = await consentedForm(harness);
    await fillValid(page);
    await tap(select(page, '.form__submit'));
    expect(text(select(page, '.form__error'))).toBe(ENROL_MESSAGES.locked);

    harness.setCloud(trainees({ enroll: new Error('timeout') }));
    await tap(select(page, '.form__submit'));
    expect(text(select(page, '.form__error'))).toBe('网络不给力，请检查网络后重试');
    expect(page.instance.data).toMatchObject({ values: { name: '王小明', groupNo: 3 } });
  });

  test('the submit button shows that it is sending and cannot be sent twice', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const harness = installMiniprogram({
      cloud: (_name, data) =>
        data.action === 'me' ? { ok: true, data: VISITOR } : new Promise((resolve) => (answer = resolve)),
    });
    const page = await consentedForm(harness);
    await fillValid(page);
    await tap(select(page, '.form__submit'));
    expect(text(select(page, '.form__submit'))).toBe('正在提交…');
    await tap(select(page, '.form__submit'));
    expect(harness.cloudCalls.filter((call) => call.data.action === 'enroll')).toHaveLength(1);
    answer({ ok: true, data: { profile: {} } });
    await settle();
    expect(page.instance.data).toMatchObject({ submitting: false });
  });

  test('an enrolled person corrects details: prefilled, no 班级口令 field, 保存', async () => {
    const me: MeResponse = {
      enrolled: true,
      settings: SETTINGS,
      profile: {
        name: '王小明',
        unit: '某县人大常委会',
        post: '',
        groupNo: 4,
        role: 'trainee',
        onRoster: false,
        enrolledAt: null,
      },
    };
    const harness = installMiniprogram({ cloud: trainees({ me }), privacyAgreed: true });
    const page = await openPage('people/enrol/index');
    expect(select(page, '.field__input--enrolCode')).toBeUndefined();
    expect(selectAll(page, '.group--chosen').map(text)).toEqual(['第4组']);
    expect(text(select(page, '.form__submit'))).toBe('保存');
    expect(harness.cloudCalls).toHaveLength(1);
  });

  test('a locked roster shows why instead of the form', async () => {
    installMiniprogram({
      cloud: trainees({ me: { ...VISITOR, settings: { ...SETTINGS, locked: true } } }),
      privacyAgreed: true,
    });
    const page = await openPage('people/enrol/index');
    expect(text(select(page, '.blocked'))).toContain('报名名单已锁定');
    expect(select(page, '.field__input--name')).toBeUndefined();
  });
});
