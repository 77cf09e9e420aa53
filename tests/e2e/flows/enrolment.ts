/**
 * A new visitor joins the course in the preview: 我的 says they have not joined, the form asks for WeChat's
 * privacy consent first (the contract one tap away), a wrong 班级口令 is refused under its field with what
 * was typed kept, the right one enrols them, and 我的 shows their group.
 */
import { DEMO_ENROL_CODE } from '../../../local/demo-roster';
import type { Phone } from '../../support/e2e';

export const NEW_TRAINEE = { name: '示例新学员', unit: '示例县人大常委会（演示）', post: '演示职务', group: 3 };

export async function openEnrolForm(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'visitor' });
  await phone.tapTab('我的');
  await phone.expectRoute('pages/me/index');
  await phone.expectText('您还没有加入培训班');
  await phone.tapText('报名加入培训班');
  await phone.expectRoute('people/enrol/index');
  await phone.expectText('请先阅读隐私保护指引');
}

export async function agreeAndFill(phone: Phone, enrolCode: string): Promise<void> {
  await phone.tapText('《隐私保护指引》');
  await phone.expectOverlayText('隐私保护指引');
  await phone.tapOverlayButton('确定');
  await phone.tapText('同意并继续');
  const page = phone.currentPage;
  await page.getByPlaceholder('如：张三').fill(NEW_TRAINEE.name);
  await page.getByPlaceholder('如：某某县人大常委会').fill(NEW_TRAINEE.unit);
  await page.getByPlaceholder('如：办公室主任').fill(NEW_TRAINEE.post);
  await phone.tapText(`第${NEW_TRAINEE.group}组`);
  await page.getByPlaceholder('开班时组织者公布').fill(enrolCode);
}

export async function enrolmentFlow(phone: Phone): Promise<void> {
  await openEnrolForm(phone);
  await agreeAndFill(phone, '猜一个口令');
  await phone.tapText('提交报名');
  await phone.expectText('班级口令不正确，请向组织者核对');
  // Nothing typed is lost.
  expect(await phone.currentPage.getByPlaceholder('如：张三').inputValue()).toBe(NEW_TRAINEE.name);
  expect(await phone.currentPage.getByPlaceholder('如：某某县人大常委会').inputValue()).toBe(NEW_TRAINEE.unit);

  await phone.currentPage.getByPlaceholder('开班时组织者公布').fill(DEMO_ENROL_CODE);
  await phone.tapText('提交报名');
  await phone.expectRoute('pages/me/index');
  await phone.expectText(`第 ${NEW_TRAINEE.group} 组`);
  await phone.expectText(NEW_TRAINEE.name);
  await phone.expectText(NEW_TRAINEE.unit);
  await phone.expectText('学员');
}
