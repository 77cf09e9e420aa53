/**
 * How a session's time, speakers and length read on screen, at each precision the organisers may have
 * reached: no day, a day, a day and a part of day, or exact times.
 */
import type { SessionView, Speaker } from '../contracts/training';
import { formatMonthDayCn, weekdayCn } from './datetime';

type TimeFields = Pick<SessionView, 'date' | 'partOfDay' | 'start' | 'end'>;

/** 14:30–16:00 · 14:30 起 · 下午 · 时间待定 · 晚上（日期待定） · 日期待定 */
export function sessionTimeLabel(session: TimeFields): string {
  if (session.date === null) return session.partOfDay ? `${session.partOfDay}（日期待定）` : '日期待定';
  if (session.start !== null) return session.end !== null ? `${session.start}–${session.end}` : `${session.start} 起`;
  if (session.partOfDay !== null) return session.partOfDay;
  return '时间待定';
}

/** 11月19日 周二, or '' without a day. */
export function sessionDateLabel(session: Pick<SessionView, 'date'>): string {
  return session.date === null ? '' : `${formatMonthDayCn(session.date)} ${weekdayCn(session.date)}`;
}

/** 2小时 · 1小时30分钟 · 45分钟 */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

/** 吴文毅（省人大常委会副秘书长、办公厅主任） */
export function speakerLabel(speaker: Speaker): string {
  return speaker.post === '' ? speaker.name : `${speaker.name}（${speaker.post}）`;
}

/** One line for a list: the first two speakers, then how many more. */
export function speakersLine(speakers: Speaker[]): string {
  if (speakers.length === 0) return '';
  const shown = speakers.slice(0, 2).map(speakerLabel).join('、');
  return speakers.length > 2 ? `${shown} 等${speakers.length}人` : shown;
}

/** 分10个组 · 2小时 — facts of a session beyond its time, or ''. */
export function sessionExtrasLabel(session: Pick<SessionView, 'groupCount' | 'durationMinutes'>): string {
  const parts: string[] = [];
  if (session.groupCount !== null) parts.push(`分${session.groupCount}个组`);
  if (session.durationMinutes !== null) parts.push(`约${durationLabel(session.durationMinutes)}`);
  return parts.join(' · ');
}
