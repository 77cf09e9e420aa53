/**
 * One reflection in a list (the group wall, the featured ones, one's own, the review queue): title, who
 * wrote it and when, the start of the text, and — where it matters — its status and the reviewer's
 * comment. Tapping it opens the reflection. Buttons (the review queue's) go in the slot below.
 */
import { REFLECTION_STATUS_LABELS, type ReflectionSummary } from '../../contracts/reflections';
import { formatShanghaiDateTime } from '../../lib/datetime';
import { reflectionPage } from '../../shell/routes';

interface CardView {
  id: string;
  title: string;
  excerpt: string;
  byline: string;
  when: string;
  session: string;
  statusLabel: string;
  status: string;
  featured: boolean;
  comment: string;
  checkNote: string;
}

function cardOf(item: ReflectionSummary | null, showStatus: boolean): CardView | null {
  if (!item) return null;
  const group = item.groupNo === null ? '' : `第${item.groupNo}组`;
  return {
    id: item.id,
    title: item.title,
    excerpt: item.excerpt,
    byline: [item.authorName, item.authorUnit, group].filter((part) => part !== '').join(' · '),
    when: item.createdAt ? formatShanghaiDateTime(item.createdAt) : '',
    session: item.sessionTitle,
    statusLabel: showStatus ? REFLECTION_STATUS_LABELS[item.status] : '',
    status: item.status,
    featured: item.featured,
    comment: item.comment,
    checkNote: item.checkNote ?? '',
  };
}

Component({
  // The card is one of app.wxss's .card boxes, and its text uses .meta: take the app's shared classes.
  options: { styleIsolation: 'apply-shared' },
  properties: {
    item: { type: Object, value: null },
    /** Show the status badge (one's own list, the review queue); the walls show only published ones. */
    showStatus: { type: Boolean, value: false },
  },
  data: { card: null as CardView | null },
  observers: {
    'item, showStatus'(item: ReflectionSummary | null, showStatus: boolean) {
      this.setData({ card: cardOf(item, showStatus) });
    },
  },
  methods: {
    onOpen() {
      const id = this.data.card?.id;
      if (id) void wx.navigateTo({ url: reflectionPage(id) });
    },
  },
});
