/**
 * 日程 (tab): the course at a glance, a tab per day plus 待定 for sessions not yet placed on a day,
 * the sessions of the chosen tab in order, with the one under way and the next one marked by
 * Asia/Shanghai time (re-checked every minute while the page is shown).
 * Written with Component() so miniprogram-simulate can load it.
 */
import type { OverviewResponse } from '../../contracts/training';
import { shanghaiClock } from '../../lib/datetime';
import { nowAndNext, type NowAndNext } from '../../lib/session-clock';
import { getOverview } from '../../services/training';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { MATERIALS_PAGE, SCHEDULE_PAGE, sessionPage } from '../../shell/routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';
import {
  courseHeader,
  dayTabs,
  defaultTab,
  sessionCards,
  sessionsOfTab,
  tabHint,
  tabPairs,
  type CourseHeader,
  type DayTab,
  type SessionCard,
} from './view-model';

const CLOCK_INTERVAL_MS = 60_000;

/** Per page instance: the overview last loaded and the clock timer. */
const overviews = new WeakMap<object, OverviewResponse>();
const timers = new WeakMap<object, ReturnType<typeof setInterval>>();

/** The session under way and the next one, now. */
function clockOf(overview: OverviewResponse): NowAndNext {
  const sessions = [...overview.days.flatMap((day) => day.sessions), ...overview.unscheduled];
  return nowAndNext(sessions, Date.now());
}

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    header: null as CourseHeader | null,
    tabs: [] as DayTab[],
    tabRows: [] as DayTab[][],
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

    async load(options: LoadOptions = {}) {
      await loadScreen(this, getOverview, (overview) => this.showOverview(overview), options);
    },

    showOverview(overview: OverviewResponse) {
      if (overview.counts.total === 0 && overview.training === null) {
        overviews.set(this, overview);
        this.setData({ status: 'empty' });
        return;
      }
      const today = shanghaiClock(Date.now()).date;
      const tabs = dayTabs(overview, today);
      const header = courseHeader(overview);
      // A refresh stays on the tab shown before, while that tab still exists.
      const shown = this.data.activeTab;
      const isTabOf = (list: DayTab[]) => list.some((tab) => tab.key === shown);
      const activeTab =
        isTabOf(this.data.tabs) && isTabOf(tabs) ? shown : defaultTab(overview, today, clockOf(overview));
      // Kept only once it proved readable: the minute clock re-reads it.
      overviews.set(this, overview);
      this.setData({ status: 'ready', header, tabs, tabRows: tabPairs(tabs) });
      this.showTab(activeTab);
      this.startClock();
    },

    showTab(key: string) {
      const overview = overviews.get(this);
      if (!overview) return;
      const sessions = sessionsOfTab(overview, key);
      this.setData({
        activeTab: key,
        cards: sessionCards(sessions, clockOf(overview)),
        hint: tabHint(key, sessions.length, overview.unscheduled.length > 0),
      });
    },

    /** Re-mark the session under way and the next one, e.g. after a minute has passed. */
    refreshHighlight() {
      const overview = overviews.get(this);
      if (!overview) return;
      const tabs = dayTabs(overview, shanghaiClock(Date.now()).date);
      this.setData({ tabs, tabRows: tabPairs(tabs) });
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
      if (id) void wx.navigateTo({ url: sessionPage(id) });
    },

    onMaterialsTap() {
      void wx.navigateTo({ url: MATERIALS_PAGE });
    },

    onShareAppMessage() {
      return { title: `${this.data.header?.name ?? '培训日程'} · 日程`, path: SCHEDULE_PAGE };
    },
  },
});
