/**
 * 我的 (tab): whether this WeChat user has joined the course; their name, unit, group and role; the way to
 * enrol or correct details (while the roster is open), the privacy statement, and leaving the course.
 * Written with Component() so miniprogram-simulate can load it.
 */
import type { MeResponse } from '../../contracts/trainees';
import { leaveTraining, getMe } from '../../services/trainees';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { ENROL_PAGE, PRIVACY_PAGE } from '../../shell/routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';
import { meView, type MeView } from './view-model';

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    view: null as MeView | null,
    leaving: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },

    /** Back from the form (or another tab): show what changed, keeping the card on screen meanwhile. */
    onShow() {
      if (this.data.view !== null) void this.load({ keepContent: true });
    },

    async load(options: LoadOptions = {}) {
      await loadScreen(this, getMe, (me: MeResponse) => this.setData({ status: 'ready', view: meView(me) }), options);
    },

    onEnrolTap() {
      void wx.navigateTo({ url: ENROL_PAGE });
    },

    onPrivacyTap() {
      void wx.navigateTo({ url: PRIVACY_PAGE });
    },

    async onLeaveTap() {
      if (this.data.leaving) return;
      const { confirm } = await wx.showModal({
        title: '退出培训班',
        content: '退出后，您的姓名、单位、职务和分组将从报名信息中删除；以后可以凭班级口令重新加入。确定退出吗？',
        confirmText: '确定退出',
        cancelText: '再想想',
      });
      if (!confirm) return;
      this.setData({ leaving: true });
      const result = await leaveTraining();
      this.setData({ leaving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: '已退出培训班', icon: 'success' });
      await this.load();
    },
  },
});
