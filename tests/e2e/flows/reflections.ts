/**
 * A reflection's way through the preview: a trainee of group 3 writes, leaves the write page half-way,
 * comes back to the draft and submits (the local word list sends it to review); the leader of group 3
 * approves and features it from the queue; a trainee of group 5 finds it under 优秀心得.
 * The preview identities are enrolled by `enrolPreviewIdentities` (straight into `trainees`), so this
 * flow does not depend on the demo roster of the local stack.
 */
import { COLLECTIONS } from '../../../core/database/collections';
import type { E2EStack, Phone } from '../../support/e2e';

export const REFLECTION_TITLE = '把票决制落到乡镇的体会';
/** In local/content-check/words.txt under [review]: the reflection waits for the leader. */
const REVIEW_WORD = '示例待审词';
export const REFLECTION_CONTENT = `听了民生实事项目人大代表票决制的讲座，结合本乡镇的做法，我认为关键在于征集要广、票决要实、监督要常。${REVIEW_WORD}`;

const ENROLMENTS: Array<[string, number, 'trainee' | 'leader' | 'admin', string]> = [
  ['preview-trainee-g3', 3, 'trainee', '示例学员（第3组）'],
  ['preview-leader-g3', 3, 'leader', '示例组长（第3组）'],
  ['preview-trainee-g5', 5, 'trainee', '示例学员（第5组）'],
  ['preview-leader-g5', 5, 'leader', '示例组长（第5组）'],
  ['preview-admin', 1, 'admin', '示例管理员'],
];

export async function enrolPreviewIdentities(db: E2EStack['db']): Promise<void> {
  const now = new Date();
  for (const [openid, groupNo, role, name] of ENROLMENTS) {
    await db
      .collection(COLLECTIONS.trainees)
      .doc(openid)
      .set({ name, unit: '示例单位', post: '', groupNo, role, enrolledAt: now, updatedAt: now });
  }
}

function field(phone: Phone, tag: 'input' | 'textarea') {
  return phone.currentPage.locator(`${tag}.wxp-${tag}__field`).first();
}

export async function writeHalfAndLeave(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'trainee-g3' });
  await phone.tapTab('研讨');
  await phone.expectText('第3组 · 分组研讨');
  await phone.tapText('写心得');
  await phone.expectRoute('reflections/write/index');
  await field(phone, 'input').fill(REFLECTION_TITLE);
  await field(phone, 'textarea').fill(REFLECTION_CONTENT.slice(0, 30));
  await phone.expectText('30/5000 字');
  // The draft is written once typing pauses; leaving the page also writes it.
  await phone.page.waitForTimeout(1000);
  await phone.back();
  await phone.expectRoute('pages/discuss/index');
}

export async function returnToDraftAndSubmit(phone: Phone): Promise<void> {
  await phone.tapText('写心得');
  await phone.expectRoute('reflections/write/index');
  await phone.expectText('已恢复上次未提交的草稿');
  await expectValue(field(phone, 'input'), REFLECTION_TITLE);
  await expectValue(field(phone, 'textarea'), REFLECTION_CONTENT.slice(0, 30));
  await field(phone, 'textarea').fill(REFLECTION_CONTENT);
  await phone.tapText('提交心得');
  await phone.expectRoute('reflections/detail/index');
  await phone.expectText(REFLECTION_TITLE);
  await phone.expectText('待审核');
}

async function expectValue(locator: ReturnType<typeof field>, value: string): Promise<void> {
  await locator
    .page()
    .waitForFunction(([element, expected]) => (element as HTMLInputElement).value === expected, [
      await locator.elementHandle(),
      value,
    ] as const);
}

export async function leaderApprovesAndFeatures(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'leader-g3' });
  await phone.tapTab('研讨');
  await phone.tapText('审核心得');
  await phone.expectRoute('reflections/review/index');
  await phone.expectText(REFLECTION_TITLE);
  await phone.tapText('通过并推荐');
  await phone.expectOverlayText('已通过并推荐为优秀');
  await phone.expectText('没有待审核的心得');
}

export async function otherGroupSeesItFeatured(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'trainee-g5' });
  await phone.tapTab('研讨');
  await phone.expectText('第5组 · 分组研讨');
  await phone.expectText('本组还没有人发表心得');
  await phone.tapText('优秀心得');
  await phone.expectText(REFLECTION_TITLE);
  await phone.tapText(REFLECTION_TITLE);
  await phone.expectRoute('reflections/detail/index');
  await phone.expectText('优秀心得');
  await phone.expectText('民生实事项目人大代表票决制');
}

export async function reflectionJourneyFlow(phone: Phone): Promise<void> {
  await writeHalfAndLeave(phone);
  await returnToDraftAndSubmit(phone);
  await leaderApprovesAndFeatures(phone);
  await otherGroupSeesItFeatured(phone);
}
