/**
 * A reflection's way through the preview: a trainee of group 3 writes, leaves the write page half-way,
 * comes back to the draft and submits (the local word list sends it to review); the leader of group 3
 * approves and features it from the queue; a trainee of group 5 finds it under 优秀心得.
 * The preview identities are enrolled by `enrolPreviewIdentities` (straight into `trainees`), so this
 * flow does not depend on the demo roster of the local stack.
 */
import { traineeOf } from '../../../local/preview/identities';
import { COLLECTIONS } from '../../../core/database/collections';
import type { E2EStack, Phone } from '../../support/e2e';

export const REFLECTION_TITLE = '把票决制落到乡镇的体会';
/** In local/content-check/words.txt under [review]: the reflection waits for the leader. */
const REVIEW_WORD = '示例待审词';
/** Longer than a textarea's default 140 characters: the whole text must arrive (maxlength="-1"). */
const LAST_SENTENCE = '今后我们将把票决结果纳入年度监督计划，逐项跟踪到底。';
export const REFLECTION_CONTENT = `听了民生实事项目人大代表票决制的讲座，结合本乡镇的做法，我认为关键在于征集要广、票决要实、监督要常。${'征集阶段要走进村组，听取群众最关心的事；票决阶段要让代表充分审议，不搞走过场；监督阶段要定期听取进展报告，组织代表视察。'.repeat(2)}${REVIEW_WORD}${LAST_SENTENCE}`;

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
  await phone.expectText(LAST_SENTENCE);
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

/** A call of the reflections function through the stack's functions host, as the phone of `openid`. */
async function callReflections(stackUrl: string, openid: string, event: Record<string, unknown>): Promise<unknown> {
  const answer = await fetch(`${stackUrl}/functions/reflections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  });
  const envelope = (await answer.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`reflections.${String(event.action)}: ${envelope.error?.message ?? ''}`);
  return envelope.data;
}

const DEMO_REFLECTIONS: Array<[string, string, string]> = [
  [
    'preview-trainee-g3',
    '示例心得：全过程人民民主在乡镇的落脚点',
    '（示例内容）通过这次培训，我对全过程人民民主有了更深的理解。乡镇人大要把代表联系群众的渠道建在群众身边，让民意表达更顺畅。',
  ],
  [
    'preview-leader-g3',
    '示例心得：预算审查监督要抓住重点',
    '（示例内容）听了预算审查监督的专题讲座，我体会到人大监督要聚焦民生支出和政府债务，审查要实，跟踪要紧，结果要公开。',
  ],
];

/** Demo reflections for the screenshots (written through the function, so they are shaped as real ones). */
export async function prepareReflectionShots(stack: E2EStack): Promise<void> {
  await enrolPreviewIdentities(stack.db);
  for (const [openid, title, content] of DEMO_REFLECTIONS) {
    await callReflections(stack.url, openid, { action: 'submit', requestId: `demo-${openid}-1`, title, content });
  }
  await callReflections(stack.url, 'preview-trainee-g3', {
    action: 'submit',
    requestId: 'demo-pending-1',
    title: '示例心得：等待组长审核的一篇',
    content: `（示例内容）代表票决制让群众的事由群众定，我们乡今年票决了五件民生实事。${REVIEW_WORD}`,
  });
}

export async function openWall(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'trainee-g3' });
  await phone.tapTab('研讨');
  await phone.expectText('示例心得：全过程人民民主在乡镇的落脚点');
}

export async function openWriteWithText(phone: Phone): Promise<void> {
  await openWall(phone);
  await phone.tapText('写心得');
  await phone.expectRoute('reflections/write/index');
  await field(phone, 'input').fill(REFLECTION_TITLE);
  await field(phone, 'textarea').fill(REFLECTION_CONTENT.replace(REVIEW_WORD, ''));
}

export async function openReviewQueue(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'leader-g3' });
  await phone.tapTab('研讨');
  await phone.tapText('审核心得');
  await phone.expectText('示例心得：等待组长审核的一篇');
}

/** The write page at the largest font step (超大), as an older reader may have chosen on 首页. */
export async function openWriteAtLargestFont(phone: Phone): Promise<void> {
  // wx storage in the preview is per simulated user (local/preview/client/wx/storage.ts).
  await phone.page.addInitScript(
    (key) => localStorage.setItem(key, JSON.stringify({ data: 'largest' })),
    `wxp-storage:${traineeOf(3).openid}:prefs.fontStep`,
  );
  await openWriteWithText(phone);
}
