/**
 * 研讨 (tab): my group's wall, the featured reflections, and my own (with status and the reviewer's
 * comment), a button to write, and for leaders and organisers the way to the review queue.
 * A visitor who has not enrolled sees an invitation to enrol on 我的 instead of a wall.
 * Each list loads when its tab is first shown, pages by cursor (more on reaching the bottom), and is
 * refreshed by pulling down or on coming back from writing.
 */
import type { Envelope } from '../../contracts/envelope';
import type { GroupWallPage, ReflectionPage, ReflectionSummary } from '../../contracts/reflections';
import { listGroupWall, listReflections } from '../../services/reflections';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { DISCUSS_PAGE, ME_PAGE, REVIEW_PAGE, writePage } from '../../shell/routes';
import { loadMorePages } from '../../shell/more-pages';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';

type ListKey = 'group' | 'featured' | 'mine';

interface ListState {
  items: ReflectionSummary[];
  nextCursor: string | null;
  loaded: boolean;
}

const TABS: Array<{ key: ListKey; label: string }> = [
  { key: 'group', label: '本组心得' },
  { key: 'featured', label: '优秀心得' },
  { key: 'mine', label: '我的心得' },
];

const EMPTY_TEXT: Record<ListKey, { text: string; hint: string }> = {
  group: { text: '本组还没有人发表心得', hint: '写下你的学习体会，做本组第一个发言的人' },
  featured: { text: '还没有评出优秀心得', hint: '组长和管理员推荐的心得会显示在这里' },
  mine: { text: '你还没有写过心得', hint: '点上方“写心得”，草稿会自动保存' },
};

function emptyList(): ListState {
  return { items: [], nextCursor: null, loaded: false };
}

function fetchList(key: ListKey, cursor?: string | null): Promise<Envelope<ReflectionPage>> {
  if (key === 'group') return listGroupWall(cursor);
  return listReflections(key === 'featured' ? 'listFeatured' : 'listMine', cursor);
}

/** What the first load learns: the wall, or that the caller has not enrolled (with the rule's sentence). */
type WallOrInvite = { visitor: true; message: string } | { visitor: false; wall: GroupWallPage };

/** Pages that came back while another tab was chosen are dropped; each load carries its own number. */
const listLoads = new WeakMap<object, number>();

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    /** A WeChat user who has not enrolled: the page invites them to 我的 instead of showing a wall. */
    visitor: false,
    visitorMessage: '',
    groupNo: null as number | null,
    canReview: false,
    tabs: TABS,
    activeTab: 'group' as ListKey,
    lists: { group: emptyList(), featured: emptyList(), mine: emptyList() } as Record<ListKey, ListState>,
    listLoading: false,
    listError: '',
    loadingMore: false,
    moreError: '',
    emptyText: EMPTY_TEXT.group,
  },
  methods: {
    onLoad() {
      void this.load();
    },

    onShow() {
      // Back from writing or reviewing, or from 我的 after enrolling or leaving: what was shown may have changed.
      if (this.data.status === 'ready') void this.load({ keepContent: true });
    },

    onReachBottom() {
      void this.loadMore();
    },

    onShareAppMessage() {
      return { title: '分组研讨 · 履职学堂', path: DISCUSS_PAGE };
    },

    /** The first load (and every refresh): the wall tells who the caller is; the active tab is reloaded. */
    async load(options: LoadOptions = {}) {
      await loadScreen<WallOrInvite>(
        this,
        async (): Promise<Envelope<WallOrInvite>> => {
          const wall = await listGroupWall();
          // A visitor's answer is not a failure of the page: it is the invitation.
          if (!wall.ok && wall.error.code === 'PERMISSION_DENIED') {
            return { ok: true, data: { visitor: true, message: wall.error.message } };
          }
          return wall.ok ? { ok: true, data: { visitor: false, wall: wall.data } } : wall;
        },
        (answer) => {
          if (answer.visitor) {
            this.setData({ status: 'ready', visitor: true, visitorMessage: answer.message });
            return;
          }
          const { wall } = answer;
          const lists = { ...this.data.lists, group: { items: wall.items, nextCursor: wall.nextCursor, loaded: true } };
          // Other tabs are fetched again when next shown.
          if (options.keepContent) {
            lists.featured = emptyList();
            lists.mine = emptyList();
          }
          this.setData({ status: 'ready', visitor: false, groupNo: wall.groupNo, canReview: wall.canReview, lists });
          if (this.data.activeTab !== 'group') void this.loadList(this.data.activeTab);
        },
        options,
      );
    },

    async loadList(key: ListKey) {
      const serial = (listLoads.get(this) ?? 0) + 1;
      listLoads.set(this, serial);
      this.setData({ listLoading: true, listError: '' });
      const result = await fetchList(key);
      if (listLoads.get(this) !== serial) return;
      if (!result.ok) {
        this.setData({ listLoading: false, listError: result.error.message });
        return;
      }
      this.setData({
        listLoading: false,
        [`lists.${key}`]: { items: result.data.items, nextCursor: result.data.nextCursor, loaded: true },
      });
    },

    async loadMore() {
      const key = this.data.activeTab;
      const more = await loadMorePages(this, this.data.lists[key], (cursor) => fetchList(key, cursor));
      // A tab changed meanwhile: the page belongs to the list it was asked for, which stays as it is.
      if (more && this.data.activeTab === key) this.setData({ [`lists.${key}`]: { ...more, loaded: true } });
    },

    onTabTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: ListKey }>) {
      const key = event.currentTarget.dataset.key;
      if (!key || key === this.data.activeTab) return;
      this.setData({ activeTab: key, emptyText: EMPTY_TEXT[key], moreError: '', listError: '' });
      if (!this.data.lists[key].loaded) void this.loadList(key);
    },

    onRetryList() {
      void this.loadList(this.data.activeTab);
    },

    onWrite() {
      void wx.navigateTo({ url: writePage() });
    },

    onReview() {
      void wx.navigateTo({ url: REVIEW_PAGE });
    },

    onEnrol() {
      void wx.switchTab({ url: ME_PAGE });
    },
  },
});
