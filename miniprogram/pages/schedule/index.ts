/**
 * 日程 (tab): the course at a glance, a tab per day plus 待定 for sessions not yet placed on a day,
 * the sessions of the chosen tab in order, with the one under way and the next one marked by
 * Asia/Shanghai time (re-checked every minute while the page is shown).
 * Written with Component() so miniprogram-simulate can load it.
 */
import type { OverviewResponse } from '../../contracts/training';
import { shanghaiClock } from '../../lib/datetime';
import { nowAndNext } from '../../lib/session-clock';
import { getOverview } from '../../services/training';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import {
  courseHeader,
  dayTabs,
  defaultTab,
  sessionCards,
  sessionsOfTab,
  tabHint,
  type CourseHeader,
  type DayTab,
  type SessionCard,
} from './view-model';

type Status = 'loading' | 'ready' | 'empty' | 'error';

const CLOCK_INTERVAL_MS = 60_000;

/** Per page instance: the overview last loaded, the clock timer, and a generation against stale answers. */
const overviews = new WeakMap<object, OverviewResponse>();
const timers = new WeakMap<object, ReturnType<typeof setInterval>>();
const generations = new WeakMap<object, number>();

Component({
  behaviors: [fontSizeBehavior],
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    header: null as CourseHeader | null,
    tabs: [] as DayTab[],
    activeTab: '',
    cards: [] as SessionCard[],
    hint: '',
  },
  lifetimes: {
    detached() {
      this.stopClock();
    },
  },
  methods: {
    onLoad() {
      void this.load();
    },

    onShow() {
      if (overviews.has(this)) {
        this.refreshHighlight();
        this.startClock();
      }
    },

    onHide() {
      this.stopClock();
    },

    async onPullDownRefresh() {
      await this.load({ keepContent: true });
      wx.stopPullDownRefresh();
    },

    onRetry() {
      void this.load();
    },

    async load(options: { keepContent?: boolean } = {}) {
      const generation = (generations.get(this) ?? 0) + 1;
      generations.set(this, generation);
      if (!options.keepContent || this.data.status !== 'ready') this.setData({ status: 'loading' });
      const result = await getOverview();
      if (generations.get(this) !== generation) return;
      if (!result.ok) {
        if (options.keepContent && this.data.status === 'ready')
          wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const overview = result.data;
      overviews.set(this, overview);
      if (overview.counts.total === 0 && overview.training === null) {
        this.setData({ status: 'empty' });
        return;
      }
      const clock = this.clock(overview);
      const keep = this.data.tabs.some((tab) => tab.key === this.data.activeTab) ? this.data.activeTab : '';
      const tabs = dayTabs(overview, shanghaiClock(Date.now()).date);
      const activeTab =
        keep && tabs.some((tab) => tab.key === keep)
          ? keep
          : defaultTab(overview, shanghaiClock(Date.now()).date, clock);
      this.setData({ status: 'ready', header: courseHeader(overview), tabs });
      this.showTab(activeTab);
      this.startClock();
    },

    clock(overview: OverviewResponse) {
      const sessions = [...overview.days.flatMap((day) => day.sessions), ...overview.unscheduled];
      return nowAndNext(sessions, Date.now());
    },

    showTab(key: string) {
      const overview = overviews.get(this);
      if (!overview) return;
      const sessions = sessionsOfTab(overview, key);
      this.setData({
        activeTab: key,
        cards: sessionCards(sessions, this.clock(overview)),
        hint: tabHint(key, sessions.length, overview.unscheduled.length > 0),
      });
    },

    /** Re-mark the session under way and the next one, e.g. after a minute has passed. */
    refreshHighlight() {
      const overview = overviews.get(this);
      if (!overview) return;
      this.setData({ tabs: dayTabs(overview, shanghaiClock(Date.now()).date) });
      this.showTab(this.data.activeTab);
    },

    startClock() {
      this.stopClock();
      timers.set(
        this,
        setInterval(() => this.refreshHighlight(), CLOCK_INTERVAL_MS),
      );
    },

    stopClock() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
      timers.delete(this);
    },

    onTabTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const key = event.currentTarget.dataset.key;
      if (key && key !== this.data.activeTab) this.showTab(key);
    },

    onSessionTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) void wx.navigateTo({ url: `/training/session/index?id=${encodeURIComponent(id)}` });
    },

    onMaterialsTap() {
      void wx.navigateTo({ url: '/training/materials/index' });
    },

    onShareAppMessage() {
      return { title: `${this.data.header?.name ?? '培训日程'} · 日程`, path: '/pages/schedule/index' };
    },
  },
});
