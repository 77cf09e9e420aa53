/**
 * Contract of the `reflections` cloud function: study reflections (学习心得 / 研讨发言) written by the
 * enrolled, read by their group, featured for everyone, reviewed by group leaders and organisers.
 * Only the wire: actions, request/response types, the limits the write page shows, messages.
 * The stored document, the status transitions and the server-only limits live in core/reflections.
 */

export const REFLECTIONS_FUNCTION = 'reflections';

/** Limits the write page shows, counted in grapheme clusters (miniprogram/lib/graphemes.ts). */
export const REFLECTION_LIMITS = {
  titleMin: 1,
  titleMax: 50,
  contentMin: 20,
  contentMax: 5000,
  /** The reviewer's comment when returning a reflection. */
  commentMax: 200,
  /** requestId: generated once per draft by the client. */
  requestIdMin: 8,
  requestIdMax: 64,
  defaultPageSize: 20,
  maxPageSize: 50,
  maxIdLength: 64,
} as const;

/**
 * Where a reflection stands. A draft lives only on the phone. pending: waiting for a reviewer (the
 * content check asked for review, or could not answer); published: visible to the group; returned: sent
 * back to the author with a comment; hidden: taken down by a reviewer; withdrawn: taken back by the author.
 */
export const REFLECTION_STATUSES = ['pending', 'published', 'returned', 'hidden', 'withdrawn'] as const;
export type ReflectionStatus = (typeof REFLECTION_STATUSES)[number];

export const REFLECTION_STATUS_LABELS: Record<ReflectionStatus, string> = {
  pending: '待审核',
  published: '已发布',
  returned: '已退回',
  hidden: '已隐藏',
  withdrawn: '已撤回',
};

/** One reflection in a list: the start of its text, not all of it. */
export interface ReflectionSummary {
  id: string;
  title: string;
  excerpt: string;
  authorName: string;
  authorUnit: string;
  groupNo: number | null;
  sessionId: string | null;
  sessionTitle: string;
  status: ReflectionStatus;
  featured: boolean;
  /** The reviewer's comment when returned; '' otherwise. */
  comment: string;
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
  /** The caller wrote it. */
  mine: boolean;
  /** For reviewers only: why the content check left it pending (e.g. 检查服务未能完成); '' otherwise. */
  checkNote: string;
}

export interface ReflectionView extends ReflectionSummary {
  content: string;
  /** The caller reviews this reflection's group: the detail page offers the moderation buttons. */
  reviewable: boolean;
}

export interface ReflectionPage {
  items: ReflectionSummary[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

/** The group wall, with what the 研讨 tab needs to know about the caller (no extra call for it). */
export interface GroupWallPage extends ReflectionPage {
  /** The caller's group; null when their enrolment has none (then the wall is empty). */
  groupNo: number | null;
  /** The caller reviews reflections (a leader or an organiser): the tab offers the review queue. */
  canReview: boolean;
}

export interface ReflectionAnswer {
  reflection: ReflectionView;
}

export interface SubmitReflectionRequest {
  action: 'submit';
  requestId: string;
  title: string;
  content: string;
  sessionId?: string;
}

export interface UpdateReflectionRequest {
  action: 'update';
  id: string;
  title: string;
  content: string;
  sessionId?: string;
}

export interface IdRequest<A extends string> {
  action: A;
  id: string;
  /**
   * The reflection's `updatedAt` as the caller saw it (from a summary or view). When sent, a move on a
   * reflection changed since then answers CONFLICT (changedSinceRead) instead of acting on unread text.
   */
  updatedAt?: string;
}

export interface PageRequest<A extends string> {
  action: A;
  cursor?: string;
  limit?: number;
}

export interface ListPendingRequest extends PageRequest<'listPending'> {
  /** Admins may narrow to one group; a leader always sees their own. */
  groupNo?: number;
}

export interface ReturnReflectionRequest {
  action: 'return';
  id: string;
  comment: string;
  /** As in IdRequest: the `updatedAt` of the reflection the comment was written about. */
  updatedAt?: string;
}

export interface GroupStats {
  groupNo: number;
  enrolled: number;
  /** Reflections written and not withdrawn. */
  submitted: number;
  pending: number;
  published: number;
  featured: number;
}

export interface StatsResponse {
  groups: GroupStats[];
}

/** Every action of the function, request type -> response type. */
export interface ReflectionsActions {
  submit: { request: SubmitReflectionRequest; response: ReflectionAnswer };
  update: { request: UpdateReflectionRequest; response: ReflectionAnswer };
  withdraw: { request: IdRequest<'withdraw'>; response: ReflectionAnswer };
  get: { request: IdRequest<'get'>; response: ReflectionAnswer };
  listMine: { request: PageRequest<'listMine'>; response: ReflectionPage };
  listGroup: { request: PageRequest<'listGroup'>; response: GroupWallPage };
  listFeatured: { request: PageRequest<'listFeatured'>; response: ReflectionPage };
  listPending: { request: ListPendingRequest; response: ReflectionPage };
  approve: { request: IdRequest<'approve'>; response: ReflectionAnswer };
  return: { request: ReturnReflectionRequest; response: ReflectionAnswer };
  hide: { request: IdRequest<'hide'>; response: ReflectionAnswer };
  feature: { request: IdRequest<'feature'>; response: ReflectionAnswer };
  unfeature: { request: IdRequest<'unfeature'>; response: ReflectionAnswer };
  stats: { request: { action: 'stats' }; response: StatsResponse };
}

/** Chinese messages of this function's errors and outcomes. */
export const REFLECTION_MESSAGES = {
  titleEmpty: '请填写标题',
  titleTooLong: `标题不能超过 ${REFLECTION_LIMITS.titleMax} 个字`,
  contentTooShort: `正文至少 ${REFLECTION_LIMITS.contentMin} 个字`,
  contentTooLong: `正文不能超过 ${REFLECTION_LIMITS.contentMax} 个字`,
  commentEmpty: '请填写退回意见',
  commentTooLong: `退回意见不能超过 ${REFLECTION_LIMITS.commentMax} 个字`,
  badRequestId: '请求编号有误，请重新打开写作页面',
  sessionNotFound: '所选日程不存在，请重新选择',
  notFound: '没有找到这篇心得，可能已被撤回或删除',
  closed: '研讨心得已截止修改',
  rateLimited: '提交过于频繁，请一分钟后再试',
  rejected: '内容未通过安全检查，请修改后再提交',
  notAllowedNow: '这篇心得当前的状态不能进行此操作',
  changedMeanwhile: '这篇心得刚被他人处理过，请刷新后重试',
  changedSinceRead: '这篇心得在您查看后已被修改，请刷新后再处理',
  featureNeedsPublished: '只有已发布的心得可以设为优秀',
} as const;
