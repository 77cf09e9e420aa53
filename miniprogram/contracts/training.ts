/**
 * Contract of the `training` cloud function: the course, its schedule (sessions) and its materials.
 * Only the wire: actions, the views the function answers with, the kinds, parts of day and file types the
 * pages need, and the messages. The views are normalised, every field present, with `problems` listing what
 * in the stored document could not be used (so the organiser can fix it, and the trainee still sees the rest).
 * The documents as organisers type them in the console live in core/training/stored.ts, the server's
 * limits in core/training/limits.ts.
 */

export const TRAINING_FUNCTION = 'training';

export const SESSION_KINDS = ['lecture', 'exchange', 'discussion', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  lecture: '专题讲座',
  exchange: '交流会',
  discussion: '分组研讨',
  other: '其他',
};

export const PARTS_OF_DAY = ['上午', '下午', '晚上'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export const MATERIAL_KINDS = ['article', 'file'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** File types the phone can open with wx.openDocument. */
export const OPENABLE_FILE_TYPES = ['pdf', 'doc', 'docx', 'ppt', 'pptx', 'xls', 'xlsx'] as const;
export type OpenableFileType = (typeof OPENABLE_FILE_TYPES)[number];

export function isOpenableFileType(type: string | null): type is OpenableFileType {
  return type !== null && (OPENABLE_FILE_TYPES as readonly string[]).includes(type);
}

// ---------------------------------------------------------------------------------------------------
// Views the function answers with.
// ---------------------------------------------------------------------------------------------------

/** How much of a session's time is known, from nothing to the minute. */
export type SchedulePrecision = 'none' | 'day' | 'partOfDay' | 'time';

export interface TrainingView {
  id: string;
  name: string;
  theme: string;
  organiser: string;
  venue: string;
  /** 'YYYY-MM-DD' or null when missing or not a date. */
  startDate: string | null;
  endDate: string | null;
  groupCount: number | null;
  source: string;
  reportArticleId: string | null;
  problems: string[];
}

export interface Speaker {
  name: string;
  post: string;
  role: string;
}

export interface SessionView {
  id: string;
  kind: SessionKind;
  kindLabel: string;
  title: string;
  speakers: Speaker[];
  date: string | null;
  /** Given by the organiser, or derived from the start time. */
  partOfDay: PartOfDay | null;
  start: string | null;
  end: string | null;
  durationMinutes: number | null;
  groupCount: number | null;
  precision: SchedulePrecision;
  place: string;
  summary: string;
  materialIds: string[];
  order: number | null;
  /** Fields of the document that could not be used, in Chinese, for the organiser. Empty when clean. */
  problems: string[];
}

export interface ScheduleDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** False for a day that only exists because a session is dated outside the course's dates. */
  withinCourse: boolean;
  sessions: SessionView[];
}

export type SessionCounts = Record<SessionKind, number> & { total: number };

export interface MaterialView {
  id: string;
  title: string;
  kind: MaterialKind;
  label: string;
  sessionId: string | null;
  articleId: string | null;
  fileId: string | null;
  /** Lower-case extension, e.g. 'pdf'; null when unknown. */
  fileType: string | null;
  /** Bytes; null when unknown. */
  size: number | null;
  /** Temporary https address of a file (answers of `materials` and `session` only); null when unavailable. */
  downloadUrl: string | null;
  /** Whether the phone can open it: an article with an id, or a file of an openable type with an address. */
  openable: boolean;
  order: number | null;
  problems: string[];
}

// ---------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------

export interface OverviewRequest {
  action: 'overview';
}

export interface OverviewResponse {
  /** null when no training document exists yet. */
  training: TrainingView | null;
  /** Every date of the course in order (plus any date a session carries outside it), with its sessions. */
  days: ScheduleDay[];
  /** Sessions not yet placed on a day (待定), in order. */
  unscheduled: SessionView[];
  counts: SessionCounts;
}

export interface SessionRequest {
  action: 'session';
  id: string;
}

export interface SessionResponse {
  session: SessionView;
  materials: MaterialView[];
}

export interface MaterialsRequest {
  action: 'materials';
  sessionId?: string;
  kind?: MaterialKind;
}

export interface MaterialsResponse {
  items: MaterialView[];
  /** Titles of the sessions the materials belong to, by session id, for labelling the list. */
  sessionTitles: Record<string, string>;
}

/** Every action of the function, request type -> response type. */
export interface TrainingActions {
  overview: { request: OverviewRequest; response: OverviewResponse };
  session: { request: SessionRequest; response: SessionResponse };
  materials: { request: MaterialsRequest; response: MaterialsResponse };
}

/** Chinese messages of this function's errors. */
export const TRAINING_MESSAGES = {
  sessionNotFound: '没有找到这个日程，可能已被删除',
  badSessionId: '日程编号有误',
  badMaterialKind: '资料类型只能是“文章”或“文件”',
} as const;
