/**
 * The course banner on the home page, from the training document (the `training` function's overview):
 * one source of truth, so a date or venue changed in the console reaches the home page.
 */
import type { TrainingView } from '../../contracts/training';

export interface CourseBanner {
  name: string;
  /** e.g. 2024年11月18日—20日; '' when the document gives no dates. */
  dates: string;
  venue: string;
}

function parts(date: string): [string, number, number] {
  const [year, month, day] = date.split('-');
  return [year, Number(month), Number(day)];
}

/** 2024-11-18 … 2024-11-20 -> 2024年11月18日—20日 (the month and year are not repeated when shared). */
export function courseDates(start: string | null, end: string | null): string {
  if (start === null) return end === null ? '' : courseDates(end, null);
  const [year, month, day] = parts(start);
  const first = `${year}年${month}月${day}日`;
  if (end === null || end === start) return first;
  const [endYear, endMonth, endDay] = parts(end);
  if (endYear !== year) return `${first}—${endYear}年${endMonth}月${endDay}日`;
  if (endMonth !== month) return `${first}—${endMonth}月${endDay}日`;
  return `${first}—${endDay}日`;
}

export function courseBanner(training: TrainingView | null | undefined): CourseBanner | null {
  // An answer of another shape (a function out of step with the client) shows no banner rather than failing.
  if (!training || typeof training.name !== 'string' || training.name === '') return null;
  return { name: training.name, dates: courseDates(training.startDate, training.endDate), venue: training.venue };
}
