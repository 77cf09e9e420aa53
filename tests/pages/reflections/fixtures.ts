/** Answers of the reflections and training functions, as the page tests' fake cloud gives them. */
import type { ReflectionSummary, ReflectionView } from '../../../miniprogram/contracts/reflections';

export function summary(id: string, fields: Partial<ReflectionSummary> = {}): ReflectionSummary {
  return {
    id,
    title: `心得 ${id}`,
    excerpt: '今天分组研讨，大家围绕全过程人民民主谈了各自的做法。',
    authorName: '示例学员',
    authorUnit: '示例单位',
    groupNo: 3,
    sessionId: 'discussion-groups',
    sessionTitle: '分组研讨',
    status: 'published',
    featured: false,
    comment: '',
    createdAt: '2024-11-19T12:30:00.000Z',
    updatedAt: '2024-11-19T12:30:00.000Z',
    mine: false,
    checkNote: '',
    ...fields,
  };
}

export function view(id: string, fields: Partial<ReflectionView> = {}): ReflectionView {
  return { ...summary(id), content: '正文'.repeat(20), reviewable: false, ...fields };
}

/** The training overview the write page reads for its session picker: one discussion, one lecture. */
export const OVERVIEW = {
  training: null,
  days: [],
  unscheduled: [
    { id: 'lecture-1', kind: 'lecture', title: '专题讲座' },
    { id: 'discussion-groups', kind: 'discussion', title: '分组研讨' },
  ],
  counts: { lecture: 1, exchange: 0, discussion: 1, other: 0, total: 2 },
};
