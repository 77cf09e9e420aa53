/**
 * A new visitor opens the app, opens the course report from the home page, reads it (the three
 * section headings, a quote, the photo caption) and goes back to the home page.
 */
import type { Phone } from '../../support/e2e';

export const REPORT_TITLE = '信阳人大:为高水平履职“充电赋能”';

export async function openReport(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'visitor' });
  await phone.expectRoute('pages/home/index');
  await phone.expectText('信阳全市县乡人大干部履职能力提升培训班');
  await phone.tapText(REPORT_TITLE);
  await phone.expectRoute('reading/article/index');
  await phone.expectText(REPORT_TITLE);
}

export async function readReportFlow(phone: Phone): Promise<void> {
  await openReport(phone);
  for (const heading of ['精准选课', '凝聚共识', '互学互促']) await phone.expectText(heading);
  await phone.expectText('我担任乡镇人大主席刚刚半年，这次培训太及时了'.replace('，', ','));
  await phone.expectText('会议现场');
  await phone.back();
  await phone.expectRoute('pages/home/index');
  await phone.expectText('最新文章');
}
