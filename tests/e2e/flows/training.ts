/**
 * The schedule, a lecture and its study note: a new visitor opens the 日程 tab, taps the first
 * lecture (the lectures have no date in the report: they are under 待定), reads who gives it and its materials, opens the study note (a 学习笔记 article).
 */
import type { Phone } from '../../support/e2e';

export const FIRST_LECTURE = '深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想';

export async function openSchedule(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'visitor' });
  await phone.tapTab('日程');
  await phone.expectRoute('pages/schedule/index');
  await phone.expectText('信阳全市县乡人大干部履职能力提升培训班');
}

export async function openLecture(phone: Phone): Promise<void> {
  await openSchedule(phone);
  await phone.tapText('待定');
  await phone.tapText(FIRST_LECTURE);
  await phone.expectRoute('training/session/index');
  await phone.expectText('学习资料');
}

export async function openStudyNote(phone: Phone): Promise<void> {
  await openLecture(phone);
  await phone.tapText(`学习笔记:${FIRST_LECTURE}`);
  await phone.expectRoute('reading/article/index');
  // The note's own title reads "学习笔记 | <lecture>" (the materials list shows "学习笔记:<lecture>").
  await phone.expectText(`学习笔记 | ${FIRST_LECTURE}`);
  await phone.expectText('这是一份学习笔记');
}

export async function scheduleLectureNoteFlow(phone: Phone): Promise<void> {
  await openStudyNote(phone);
  await phone.back();
  await phone.expectRoute('training/session/index');
  await phone.back();
  await phone.expectRoute('pages/schedule/index');
}
