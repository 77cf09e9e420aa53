/**
 * The enrolment form (also for correcting one's details while the roster is open). WeChat's privacy
 * consent comes first: until the person agrees (the contract is one tap away), no field is shown.
 * Each field is checked as typed on submit with the server's own rules, refusals from the function land
 * under the field they concern, and nothing typed is ever cleared by a failure.
 */
import type { MeResponse } from '../../contracts/trainees';
import { ENROL_LIMITS, type EnrolField, type EnrolFormValues } from '../../lib/enrolment-fields';
import { enroll, getMe } from '../../services/trainees';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { ME_PAGE, PRIVACY_PAGE } from '../../shell/routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';
import {
  blockedReason,
  checkValues,
  EMPTY_VALUES,
  groupChoices,
  hasErrors,
  initialValues,
  NO_ERRORS,
  placeServerMessage,
  requestOf,
  type FieldErrors,
  type GroupChoice,
} from './form-model';

type Consent = 'checking' | 'needed' | 'given';
type PrivacyResolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

/** Per page instance: the settings last loaded, and the resolve of a pending privacy request. */
const loaded = new WeakMap<object, MeResponse>();
const pendingConsent = new WeakMap<object, PrivacyResolve>();
/** Pages already closed: their privacy listener may outlive them (see onUnload). */
const closedPages = new WeakSet<object>();

/** Not in every WeChat (nor in the typings): removes the app's onNeedPrivacyAuthorization listener. */
type OffNeedPrivacy = (() => void) | undefined;

const TEXT_FIELDS: EnrolField[] = ['name', 'unit', 'post', 'enrolCode', 'claimCode'];

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    consent: 'checking' as Consent,
    blocked: '',
    editing: false,
    groups: [] as GroupChoice[],
    values: { ...EMPTY_VALUES } as EnrolFormValues,
    errors: { ...NO_ERRORS } as FieldErrors,
    formError: '',
    showClaim: false,
    submitting: false,
    limits: ENROL_LIMITS,
  },
  methods: {
    onLoad() {
      // WeChat asks the page when a privacy-protected step needs consent: show our own consent card.
      wx.onNeedPrivacyAuthorization((wechatResolve) => {
        const resolve = wechatResolve as unknown as PrivacyResolve;
        // Reached after this page closed (listener not removable): no card can be shown, so answer at once
        // rather than keep the request (e.g. copying a link in an article) waiting forever.
        if (closedPages.has(this)) resolve({ event: 'disagree' });
        else {
          pendingConsent.set(this, resolve);
          this.setData({ consent: 'needed' });
        }
      });
      void this.checkConsent();
      void this.load();
    },

    /**
     * The listener is app-wide and outlives the page. A request still waiting on this page's card is
     * answered 'disagree' (it failed: nobody can agree here any more). Where WeChat can remove the listener,
     * it is removed so later privacy-checked calls get WeChat's own popup; where it cannot, the listener
     * left behind answers 'disagree' for this closed page (above) instead of holding the call forever.
     */
    onUnload() {
      closedPages.add(this);
      pendingConsent.get(this)?.({ event: 'disagree' });
      pendingConsent.delete(this);
      const off = (wx as unknown as { offNeedPrivacyAuthorization?: OffNeedPrivacy }).offNeedPrivacyAuthorization;
      if (typeof off === 'function') off.call(wx);
    },

    async checkConsent() {
      try {
        const setting = await new Promise<{ needAuthorization: boolean }>((resolve, reject) =>
          wx.getPrivacySetting({ success: resolve, fail: reject }),
        );
        this.setData({ consent: setting.needAuthorization ? 'needed' : 'given' });
      } catch {
        // A WeChat too old for privacy settings has no consent to ask for.
        this.setData({ consent: 'given' });
      }
    },

    async load(options: LoadOptions = {}) {
      await loadScreen(
        this,
        getMe,
        (me: MeResponse) => {
          loaded.set(this, me);
          this.setData({
            status: 'ready',
            blocked: blockedReason(me),
            editing: me.enrolled,
            groups: groupChoices(me.settings),
            values: initialValues(me),
            showClaim: false,
          });
        },
        options,
      );
    },

    onContractTap() {
      void wx.openPrivacyContract({});
    },

    onPrivacyPageTap() {
      void wx.navigateTo({ url: PRIVACY_PAGE });
    },

    /** <button open-type="agreePrivacyAuthorization">: WeChat has recorded the consent. */
    onAgreePrivacy() {
      pendingConsent.get(this)?.({ event: 'agree', buttonId: 'agree-privacy' });
      pendingConsent.delete(this);
      this.setData({ consent: 'given' });
    },

    onDisagreePrivacy() {
      pendingConsent.get(this)?.({ event: 'disagree' });
      pendingConsent.delete(this);
      void wx.navigateBack({ delta: 1 }).catch(() => wx.switchTab({ url: ME_PAGE }));
    },

    onInput(event: WechatMiniprogram.Input) {
      const field = (event.currentTarget.dataset as { field?: string }).field as EnrolField | undefined;
      if (field === undefined || !TEXT_FIELDS.includes(field)) return;
      this.setData({ [`values.${field}`]: event.detail.value, [`errors.${field}`]: '', formError: '' });
    },

    onGroupTap(event: WechatMiniprogram.BaseEvent) {
      const no = Number((event.currentTarget.dataset as { no?: unknown }).no);
      if (!Number.isInteger(no)) return;
      this.setData({ 'values.groupNo': no, 'errors.groupNo': '', formError: '' });
    },

    onClaimToggle() {
      this.setData({ showClaim: !this.data.showClaim });
    },

    async onSubmit() {
      const me = loaded.get(this);
      if (this.data.submitting || me === undefined) return;
      const values = this.data.values;
      const errors = checkValues(values, me.settings, me.enrolled);
      if (hasErrors(errors)) {
        this.setData({ errors, formError: '请按提示修改标红的项目' });
        return;
      }
      this.setData({ submitting: true, errors: { ...NO_ERRORS }, formError: '' });
      try {
        await wx.requirePrivacyAuthorize({});
      } catch {
        this.setData({ submitting: false, consent: 'needed', formError: '需要先同意隐私保护指引，才能提交报名信息' });
        return;
      }
      const result = await enroll(requestOf(values));
      if (result.ok) {
        this.setData({ submitting: false });
        void wx.showToast({ title: me.enrolled ? '已保存' : '报名成功', icon: 'success' });
        void wx.switchTab({ url: ME_PAGE });
        return;
      }
      const placed = placeServerMessage(result.error.message);
      this.setData({
        submitting: false,
        errors: placed.errors,
        formError: placed.formError,
        showClaim: this.data.showClaim || placed.errors.claimCode !== '',
      });
    },
  },
});
