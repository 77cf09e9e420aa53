/**
 * The group discussion results as the organisers' files show them, from the documents as read (no I/O):
 * the Word file's groups and entries, the Excel file's two sheets. word.ts and excel.ts only lay these out.
 */
import { REFLECTION_STATUS_LABELS } from '../../miniprogram/contracts/reflections';
import { ROLE_LABELS } from '../../miniprogram/contracts/people';
import type { SessionView, TrainingView } from '../../miniprogram/contracts/training';
import { countGraphemes } from '../../miniprogram/lib/graphemes';
import {
  formatDateRangeCn,
  formatMonthDayCn,
  formatShanghaiDateTime,
  SHANGHAI_OFFSET_MINUTES,
} from '../../miniprogram/lib/datetime';
import type { ReflectionDocument } from '../../core/reflections/stored';
import type { Enrolment } from '../../core/trainees/read-stored';

export const EXPORT_TITLE = '分组研讨成果';
/** What 提交情况 shows for someone who submitted nothing at all. */
export const NOT_SUBMITTED = '未提交';
export const FEATURED_MARK = '优秀';

export interface ExportSources {
  training: TrainingView | null;
  sessions: SessionView[];
  trainees: Enrolment[];
  reflections: ReflectionDocument[];
  /** Only this group (`--group N`); null: every group. */
  groupNo: number | null;
}

export interface WordEntry {
  title: string;
  featured: boolean;
  authorName: string;
  authorUnit: string;
  session: string;
  /** 'YYYY-MM-DD HH:mm', Shanghai time. */
  date: string;
  paragraphs: string[];
}

export interface WordGroup {
  groupNo: number;
  entries: WordEntry[];
}

export interface ReflectionRow {
  groupNo: number | null;
  title: string;
  authorName: string;
  authorUnit: string;
  session: string;
  status: string;
  featured: string;
  /** A date whose UTC fields are the Shanghai wall clock (see excelDate). */
  submittedAt: Date;
  graphemes: number;
  content: string;
}

export interface SubmissionRow {
  groupNo: number | null;
  name: string;
  unit: string;
  post: string;
  role: string;
  published: number;
  pending: number;
  /** excelDate of the latest submission, or NOT_SUBMITTED. */
  lastSubmitted: Date | typeof NOT_SUBMITTED;
}

export interface ExportResults {
  /** 分组研讨成果, with the group when only one is exported. */
  title: string;
  courseName: string;
  /** 2024年11月18日至20日, or '' when the course has no dates. */
  dates: string;
  groups: WordGroup[];
  reflectionRows: ReflectionRow[];
  submissionRows: SubmissionRow[];
}

/**
 * Excel stores a date without a zone and shows its fields as they are: the instant moved by +08:00 so the
 * cell reads the Shanghai wall clock (what the organisers saw on their phones), whatever the computer's zone.
 */
export function excelDate(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000);
}

/** The session a reflection is about: its current title (and day) when it still exists, else as written. */
export function sessionLabel(doc: ReflectionDocument, sessions: ReadonlyMap<string, SessionView>): string {
  const session = doc.sessionId === null ? undefined : sessions.get(doc.sessionId);
  if (session === undefined) return doc.sessionTitle;
  return session.date === null ? session.title : `${session.title}（${formatMonthDayCn(session.date)}）`;
}

/** The content as paragraphs: one per non-blank line. */
export function paragraphsOf(content: string): string[] {
  return content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function byGroupThen<T extends { groupNo: number | null }>(a: T, b: T): number {
  // No group (an enrolment without one) after the groups.
  return (a.groupNo ?? Number.MAX_SAFE_INTEGER) - (b.groupNo ?? Number.MAX_SAFE_INTEGER);
}

function byTime(a: ReflectionDocument, b: ReflectionDocument): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id);
}

/** The groups the Word file has a heading for: 1..groupCount, the one asked for, or (no course) those with data. */
function groupNumbers(sources: ExportSources): number[] {
  if (sources.groupNo !== null) return [sources.groupNo];
  const count =
    sources.training?.groupCount ??
    Math.max(
      0,
      ...sources.reflections.map((doc) => doc.groupNo ?? 0),
      ...sources.trainees.map((t) => t.profile.groupNo ?? 0),
    );
  return Array.from({ length: count }, (_x, index) => index + 1);
}

function wordGroups(sources: ExportSources, sessions: ReadonlyMap<string, SessionView>): WordGroup[] {
  const published = sources.reflections.filter((doc) => doc.status === 'published');
  return groupNumbers(sources).map((groupNo) => ({
    groupNo,
    entries: published
      .filter((doc) => doc.groupNo === groupNo)
      .sort((a, b) => Number(b.featured) - Number(a.featured) || byTime(a, b))
      .map((doc) => ({
        title: doc.title,
        featured: doc.featured,
        authorName: doc.authorName,
        authorUnit: doc.authorUnit,
        session: sessionLabel(doc, sessions),
        date: formatShanghaiDateTime(doc.createdAt),
        paragraphs: paragraphsOf(doc.content),
      })),
  }));
}

function reflectionRows(sources: ExportSources, sessions: ReadonlyMap<string, SessionView>): ReflectionRow[] {
  return [...sources.reflections]
    .sort((a, b) => byGroupThen(a, b) || byTime(a, b))
    .map((doc) => ({
      groupNo: doc.groupNo,
      title: doc.title,
      authorName: doc.authorName,
      authorUnit: doc.authorUnit,
      session: sessionLabel(doc, sessions),
      status: REFLECTION_STATUS_LABELS[doc.status],
      featured: doc.featured && doc.status === 'published' ? FEATURED_MARK : '',
      submittedAt: excelDate(doc.createdAt),
      graphemes: countGraphemes(doc.content),
      content: doc.content,
    }));
}

function submissionRows(sources: ExportSources): SubmissionRow[] {
  const byAuthor = new Map<string, ReflectionDocument[]>();
  for (const doc of sources.reflections)
    byAuthor.set(doc.authorOpenid, [...(byAuthor.get(doc.authorOpenid) ?? []), doc]);
  return [...sources.trainees]
    .sort(
      (a, b) =>
        byGroupThen(a.profile, b.profile) ||
        a.profile.name.localeCompare(b.profile.name, 'zh-Hans-CN') ||
        a.openid.localeCompare(b.openid),
    )
    .map(({ openid, profile }) => {
      const own = byAuthor.get(openid) ?? [];
      const latest = own.reduce<Date | null>(
        (max, doc) => (max === null || doc.createdAt > max ? doc.createdAt : max),
        null,
      );
      return {
        groupNo: profile.groupNo,
        name: profile.name,
        unit: profile.unit,
        post: profile.post,
        role: ROLE_LABELS[profile.role],
        published: own.filter((doc) => doc.status === 'published').length,
        pending: own.filter((doc) => doc.status === 'pending').length,
        lastSubmitted: latest === null ? NOT_SUBMITTED : excelDate(latest),
      };
    });
}

function datesOf(training: TrainingView | null): string {
  if (training?.startDate == null) return '';
  return formatDateRangeCn(training.startDate, training.endDate ?? training.startDate);
}

/** `--group N`: only that group's enrolments and reflections. */
function scoped(sources: ExportSources): ExportSources {
  const { groupNo } = sources;
  if (groupNo === null) return sources;
  return {
    ...sources,
    trainees: sources.trainees.filter((trainee) => trainee.profile.groupNo === groupNo),
    reflections: sources.reflections.filter((doc) => doc.groupNo === groupNo),
  };
}

export function exportResults(all: ExportSources): ExportResults {
  const sources = scoped(all);
  const sessions = new Map(sources.sessions.map((session) => [session.id, session]));
  const { training } = sources;
  return {
    title: sources.groupNo === null ? EXPORT_TITLE : `${EXPORT_TITLE}（第 ${sources.groupNo} 组）`,
    courseName: training?.name ?? '',
    dates: datesOf(training),
    groups: wordGroups(sources, sessions),
    reflectionRows: reflectionRows(sources, sessions),
    submissionRows: submissionRows(sources),
  };
}
