/**
 * The large entries under the course banner: the course (日程, 课程资料), the trainees' side (研讨, 我的),
 * reading (文章) and the font size. 研讨 and 我的 are tabs too; the tiles are for readers who never look
 * at the tab bar. Only features that exist are listed: an entry that leads nowhere would confuse a reader.
 * Labels and hints stay at four characters at most: the tiles are sized for that (index.wxss),
 * so no word is ever broken across lines at any font step.
 */
import { ARTICLE_LIST_PAGE, DISCUSS_PAGE, MATERIALS_PAGE, ME_PAGE, SCHEDULE_PAGE } from '../../shell/routes';

export interface HomeEntry {
  key: string;
  label: string;
  /** What a screen reader says, and a hint under the label. */
  hint: string;
  /** A tab page (switchTab), a page (navigateTo), or an in-page action. */
  target: { kind: 'tab' | 'page'; url: string } | { kind: 'action'; name: 'fontSize' };
}

export const HOME_ENTRIES: HomeEntry[] = [
  { key: 'schedule', label: '日程', hint: '课程安排', target: { kind: 'tab', url: SCHEDULE_PAGE } },
  {
    key: 'materials',
    label: '课程资料',
    hint: '讲座笔记',
    target: { kind: 'page', url: MATERIALS_PAGE },
  },
  { key: 'discuss', label: '研讨', hint: '学习心得', target: { kind: 'tab', url: DISCUSS_PAGE } },
  { key: 'me', label: '我的', hint: '报名分组', target: { kind: 'tab', url: ME_PAGE } },
  { key: 'articles', label: '文章', hint: '通知报道', target: { kind: 'page', url: ARTICLE_LIST_PAGE } },
  { key: 'fontSize', label: '字号', hint: '调大字体', target: { kind: 'action', name: 'fontSize' } },
];
