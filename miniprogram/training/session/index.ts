/**
 * 日程详情: one session — its kind and time (at whatever precision is known), topic, speakers with
 * their posts, summary, and its materials (opened in place). Opened as /training/session/index?id=…
 */
import type { MaterialView, SessionView, Speaker } from '../../contracts/training';
import { sessionDateLabel, sessionExtrasLabel, sessionTimeLabel } from '../../lib/session-labels';
import { getSession } from '../../services/training';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { queryParam, sessionPage } from '../../shell/routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';

interface SessionDetail {
  kindLabel: string;
  title: string;
  when: string;
  place: string;
  extras: string;
  summary: string;
  speakers: Speaker[];
  /** 主讲 for a lecture, 发言 for the others. */
  speakersHeading: string;
}

function detailOf(session: SessionView): SessionDetail {
  const date = sessionDateLabel(session);
  const time = sessionTimeLabel(session);
  return {
    kindLabel: session.kindLabel,
    title: session.title,
    when: date === '' ? time : `${date} ${time}`,
    place: session.place,
    extras: sessionExtrasLabel(session),
    summary: session.summary,
    speakers: session.speakers,
    speakersHeading: session.kind === 'lecture' ? '主讲人' : '发言人',
  };
}

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    id: '',
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    detail: null as SessionDetail | null,
    materials: [] as MaterialView[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: queryParam(query, 'id') });
      void this.load();
    },

    async load(options: LoadOptions = {}) {
      if (this.data.id === '') {
        this.setData({ status: 'missing', errorMessage: '链接里没有指明日程' });
        return;
      }
      await loadScreen(
        this,
        () => getSession(this.data.id),
        ({ session, materials }) => {
          this.setData({ status: 'ready', detail: detailOf(session), materials });
          void wx.setNavigationBarTitle({ title: session.kindLabel });
        },
        options,
      );
    },

    onShareAppMessage() {
      return {
        title: this.data.detail?.title ?? '日程详情',
        path: sessionPage(this.data.id),
      };
    },
  },
});
