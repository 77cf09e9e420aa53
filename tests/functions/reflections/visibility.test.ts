/**
 * Who sees which reflection, through the real node-sdk against the emulator: two trainees of group 3 and
 * one of group 5 write; the group walls, the featured list, get by id, forged identity fields, a visitor.
 */
import type { ReflectionAnswer, ReflectionPage } from '../../../miniprogram/contracts/reflections';
import { COLLECTIONS } from '../../../core/database/collections';
import { CONTENT, countReflections, errorOf, okAs, submitAs, useCourseEmulator } from './support';

const A3 = 'vis-trainee-a-g3';
const B3 = 'vis-trainee-b-g3';
const C5 = 'vis-trainee-c-g5';
const LEADER5 = 'vis-leader-g5';
const LEADER3 = 'vis-leader-g3';
const ADMIN = 'vis-admin';
const VISITOR = 'vis-visitor';

const ids: Record<string, string> = {};

const env = useCourseEmulator([
  [A3, 3, 'trainee', '示例学员甲'],
  [B3, 3, 'trainee', '示例学员乙'],
  [C5, 5, 'trainee', '示例学员丙'],
  [LEADER3, 3, 'leader'],
  [LEADER5, 5, 'leader'],
  [ADMIN, 1, 'admin'],
]);

beforeAll(async () => {
  ids.a3 = (await submitAs(A3, { title: '甲的心得' })).id;
  ids.b3 = (await submitAs(B3, { title: '乙的心得' })).id;
  ids.c5 = (await submitAs(C5, { title: '丙的心得' })).id;
});

function titles(page: ReflectionPage): string[] {
  return page.items.map((item) => item.title).sort();
}

it('publishes what passes the check, with the author as enrolled and the group discussion as its session', async () => {
  const { reflection } = await okAs<ReflectionAnswer>(A3, { action: 'get', id: ids.a3 });
  expect(reflection).toMatchObject({
    status: 'published',
    authorName: '示例学员甲',
    groupNo: 3,
    sessionId: 'discussion-groups',
    sessionTitle: '分组研讨',
    mine: true,
  });
});

it('shows group 3 both group 3 reflections and not group 5’s', async () => {
  for (const member of [A3, B3, LEADER3]) {
    expect(titles(await okAs<ReflectionPage>(member, { action: 'listGroup' }))).toEqual(['乙的心得', '甲的心得']);
  }
  expect(titles(await okAs<ReflectionPage>(C5, { action: 'listGroup' }))).toEqual(['丙的心得']);
});

it('ignores a forged _openid, groupNo or role in the event', async () => {
  const forged = { _openid: C5, openid: C5, groupNo: 5, role: 'admin', userInfo: { openId: C5 } };
  expect(titles(await okAs<ReflectionPage>(A3, { action: 'listGroup', ...forged }))).toEqual(['乙的心得', '甲的心得']);
  const { reflection: written } = await okAs<ReflectionAnswer>(A3, {
    action: 'submit',
    requestId: 'forged-identity-1',
    title: '伪造身份',
    content: CONTENT,
    ...forged,
  });
  const stored = await env().db.collection('reflections').doc(written.id).get();
  expect(stored.data[0]).toMatchObject({ authorOpenid: A3, groupNo: 3 });
  expect(await errorOf(A3, { action: 'listPending', ...forged })).toBe('PERMISSION_DENIED');
});

it('gives nothing of another group’s reflection by id', async () => {
  expect(await errorOf(C5, { action: 'get', id: ids.a3 })).toBe('NOT_FOUND');
  expect(await errorOf(A3, { action: 'get', id: ids.c5 })).toBe('NOT_FOUND');
  expect(await errorOf(A3, { action: 'get', id: ids.c5, groupNo: 5, _openid: C5 })).toBe('NOT_FOUND');
});

it('shows a featured group 5 reflection in everyone’s featured list, and by id to everyone enrolled', async () => {
  await okAs(LEADER5, { action: 'feature', id: ids.c5 });
  for (const member of [A3, B3, C5, LEADER3, ADMIN]) {
    expect(titles(await okAs<ReflectionPage>(member, { action: 'listFeatured' }))).toEqual(['丙的心得']);
  }
  expect((await okAs<ReflectionAnswer>(A3, { action: 'get', id: ids.c5 })).reflection.featured).toBe(true);
  // Featured, but still not on group 3's wall.
  expect(titles(await okAs<ReflectionPage>(A3, { action: 'listGroup' }))).not.toContain('丙的心得');
});

it('lets a leader review only their own group', async () => {
  expect(await errorOf(LEADER3, { action: 'feature', id: ids.c5 })).toBe('PERMISSION_DENIED');
  expect(await errorOf(LEADER3, { action: 'hide', id: ids.c5 })).toBe('PERMISSION_DENIED');
  expect(await errorOf(LEADER3, { action: 'listPending', groupNo: 5 })).toBe('PERMISSION_DENIED');
  expect(await errorOf(LEADER5, { action: 'return', id: ids.a3, comment: '请补充' })).toBe('PERMISSION_DENIED');
  expect(await errorOf(A3, { action: 'approve', id: ids.b3 })).toBe('PERMISSION_DENIED');
});

it('lets a visitor who has not enrolled neither submit nor see a wall', async () => {
  const before = await countReflections(env().db);
  const answer = await errorOf(VISITOR, {
    action: 'submit',
    requestId: 'visitor-request-1',
    title: '访客',
    content: '这是一段二十个字以上的内容，用来确认访客不能提交心得。',
  });
  expect(answer).toBe('PERMISSION_DENIED');
  for (const action of ['listGroup', 'listFeatured', 'listMine']) {
    expect(await errorOf(VISITOR, { action })).toBe('PERMISSION_DENIED');
  }
  expect(await errorOf(VISITOR, { action: 'get', id: ids.c5 })).toBe('PERMISSION_DENIED');
  expect(await countReflections(env().db)).toBe(before);
});

it('lists one’s own reflections, newest first, with their status', async () => {
  const mine = await okAs<ReflectionPage>(A3, { action: 'listMine' });
  expect(mine.items.map((item) => [item.title, item.status, item.mine])).toEqual([
    ['伪造身份', 'published', true],
    ['甲的心得', 'published', true],
  ]);
});

it('counts per group for the reviewers: a leader their own group, an admin every group', async () => {
  const leader = await okAs<{ groups: unknown[] }>(LEADER3, { action: 'stats' });
  expect(leader.groups).toEqual([{ groupNo: 3, enrolled: 3, submitted: 3, pending: 0, published: 3, featured: 0 }]);
  const admin = await okAs<{ groups: Array<{ groupNo: number }> }>(ADMIN, { action: 'stats' });
  expect(admin.groups).toEqual([
    { groupNo: 1, enrolled: 1, submitted: 0, pending: 0, published: 0, featured: 0 },
    { groupNo: 3, enrolled: 3, submitted: 3, pending: 0, published: 3, featured: 0 },
    { groupNo: 5, enrolled: 2, submitted: 1, pending: 0, published: 1, featured: 1 },
  ]);
  expect(await errorOf(A3, { action: 'stats' })).toBe('PERMISSION_DENIED');
});

it('shows no wall to an enrolled person whose group an organiser mistyped, rather than some other wall', async () => {
  const openid = 'vis-trainee-no-group';
  // A hand edit in the console left the group unreadable: the rule then grants no group at all.
  await env()
    .db.collection(COLLECTIONS.trainees)
    .doc(openid)
    .set({ name: '示例学员丁', unit: '示例单位', groupNo: '第三组', role: 'trainee' });
  expect(await errorOf(openid, { action: 'listGroup' })).toBe('PERMISSION_DENIED');
  // Reading the featured list needs only the enrolment, not the group.
  await expect(okAs<ReflectionPage>(openid, { action: 'listFeatured' })).resolves.toHaveProperty('items');
});
