/**
 * The status model through the function: reviewers approve, return with a comment, hide, feature; authors
 * update and withdraw while reflections are open; every change leaves a history line; moves the model
 * does not allow are CONFLICT and change nothing.
 */
import {
  REFLECTION_MESSAGES,
  type ReflectionAnswer,
  type ReflectionPage,
} from '../../../miniprogram/contracts/reflections';
import { COLLECTIONS } from '../../../core/database/collections';
import { ReflectionRepository } from '../../../core/reflections/repository';
import { transition } from '../../../core/reflections/status';
import type { Database } from '../../../core/runtime/cloud';
import { CONTENT, MARK, callAs, enrol, errorOf, okAs, submitAs, useCourseEmulator } from './support';

const AUTHOR = 'mod-trainee-g2';
const PEER = 'mod-peer-g2';
const LEADER = 'mod-leader-g2';
const ADMIN = 'mod-admin';

const env = useCourseEmulator([
  [AUTHOR, 2],
  [PEER, 2],
  [LEADER, 2, 'leader'],
  [ADMIN, 7, 'admin'],
]);

async function stored(id: string): Promise<Record<string, unknown>> {
  const { data } = await env().db.collection(COLLECTIONS.reflections).doc(id).get();
  return data[0] as Record<string, unknown>;
}

async function wallIds(openid: string): Promise<string[]> {
  return (await okAs<ReflectionPage>(openid, { action: 'listGroup', limit: 50 })).items.map((item) => item.id);
}

it('pending -> approve -> feature -> return with a comment -> author updates -> published, with a history line each', async () => {
  const written = await submitAs(AUTHOR, { title: '待审的心得', content: `${CONTENT}${MARK.review}` });
  expect(written.status).toBe('pending');
  expect(await errorOf(LEADER, { action: 'feature', id: written.id })).toBe('CONFLICT');

  const approved = await okAs<ReflectionAnswer>(LEADER, { action: 'approve', id: written.id });
  expect(approved.reflection.status).toBe('published');
  expect(await wallIds(PEER)).toContain(written.id);

  await okAs(LEADER, { action: 'feature', id: written.id });
  expect((await okAs<ReflectionPage>(PEER, { action: 'listFeatured' })).items.map((item) => item.id)).toEqual([
    written.id,
  ]);

  const returned = await okAs<ReflectionAnswer>(LEADER, {
    action: 'return',
    id: written.id,
    comment: '请结合本县实际补充一个例子',
  });
  expect(returned.reflection).toMatchObject({
    status: 'returned',
    comment: '请结合本县实际补充一个例子',
    featured: false,
  });
  expect(await wallIds(PEER)).not.toContain(written.id);
  const mine = await okAs<ReflectionPage>(AUTHOR, { action: 'listMine' });
  expect(mine.items.find((item) => item.id === written.id)).toMatchObject({
    status: 'returned',
    comment: '请结合本县实际补充一个例子',
  });

  const updated = await okAs<ReflectionAnswer>(AUTHOR, {
    action: 'update',
    id: written.id,
    title: '补充后的心得',
    content: `${CONTENT}本县今年票决了十件民生实事。`,
  });
  expect(updated.reflection).toMatchObject({ status: 'published', title: '补充后的心得', comment: '' });

  const doc = await stored(written.id);
  expect(
    (doc.history as Array<Record<string, unknown>>).map((entry) => [entry.move, entry.from, entry.to, entry.by]),
  ).toEqual([
    ['submit', null, 'pending', AUTHOR],
    ['approve', 'pending', 'published', LEADER],
    ['feature', 'published', 'published', LEADER],
    ['return', 'published', 'returned', LEADER],
    ['update', 'returned', 'published', AUTHOR],
  ]);
  expect((doc.history as Array<Record<string, unknown>>)[3].comment).toBe('请结合本县实际补充一个例子');
  expect((doc.history as Array<{ at: unknown }>).every((entry) => entry.at instanceof Date)).toBe(true);
});

it('re-checks an update: a risky edit changes nothing, a review edit goes back to pending', async () => {
  const written = await submitAs(AUTHOR, { title: '会被修改' });
  const risky = await errorOf(AUTHOR, {
    action: 'update',
    id: written.id,
    title: '会被修改',
    content: `${CONTENT}${MARK.risky}`,
  });
  expect(risky).toBe('CONTENT_REJECTED');
  expect(await stored(written.id)).toMatchObject({ status: 'published', content: CONTENT });
  const review = await okAs<ReflectionAnswer>(AUTHOR, {
    action: 'update',
    id: written.id,
    title: '会被修改',
    content: `${CONTENT}${MARK.review}`,
  });
  expect(review.reflection.status).toBe('pending');
  expect(await wallIds(PEER)).not.toContain(written.id);
});

it('hides, and an admin restores; the author withdraws for good', async () => {
  const written = await submitAs(AUTHOR, { title: '会被隐藏' });
  await okAs(LEADER, { action: 'hide', id: written.id });
  expect(await wallIds(PEER)).not.toContain(written.id);
  expect(await errorOf(AUTHOR, { action: 'update', id: written.id, title: '改', content: CONTENT })).toBe('CONFLICT');
  await okAs(ADMIN, { action: 'approve', id: written.id });
  expect(await wallIds(PEER)).toContain(written.id);

  const withdrawn = await okAs<ReflectionAnswer>(AUTHOR, { action: 'withdraw', id: written.id });
  expect(withdrawn.reflection.status).toBe('withdrawn');
  expect(await wallIds(PEER)).not.toContain(written.id);
  expect(await errorOf(LEADER, { action: 'approve', id: written.id })).toBe('CONFLICT');
  expect(await errorOf(AUTHOR, { action: 'update', id: written.id, title: '改', content: CONTENT })).toBe('CONFLICT');
});

it('lets only the author update or withdraw (others: not found)', async () => {
  const written = await submitAs(AUTHOR, { title: '只有作者能改' });
  expect(await errorOf(PEER, { action: 'withdraw', id: written.id })).toBe('NOT_FOUND');
  expect(await errorOf(LEADER, { action: 'update', id: written.id, title: '组长改', content: CONTENT })).toBe(
    'NOT_FOUND',
  );
  expect(await stored(written.id)).toMatchObject({ status: 'published', title: '只有作者能改' });
});

it('closes updates and withdrawals after reflectionsOpenUntil (read forgivingly), and opens them when emptied', async () => {
  const written = await submitAs(AUTHOR, { title: '截止之后' });
  const trainings = env().db.collection(COLLECTIONS.trainings);
  const { data } = await trainings.limit(1).get();
  const trainingId = String((data[0] as { _id: string })._id);
  for (const past of ['2024-11-20', '2024-11-20 22:00', new Date('2024-11-20T14:00:00Z')]) {
    await trainings.doc(trainingId).update({ reflectionsOpenUntil: past });
    expect(await errorOf(AUTHOR, { action: 'withdraw', id: written.id })).toBe('CONFLICT');
  }
  await trainings.doc(trainingId).update({ reflectionsOpenUntil: '2999-01-01' });
  await okAs(AUTHOR, { action: 'update', id: written.id, title: '截止之前', content: CONTENT });
  await trainings.doc(trainingId).update({ reflectionsOpenUntil: '' });
  expect((await okAs<ReflectionAnswer>(AUTHOR, { action: 'withdraw', id: written.id })).reflection.status).toBe(
    'withdrawn',
  );
});

it('gives leaders their group’s queue oldest first, admins every group’s', async () => {
  const other = 'mod-trainee-g8';
  await enrol(env().db, other, 8);
  const first = await submitAs(AUTHOR, { title: '队列一', content: `${CONTENT}${MARK.review}` });
  const second = await submitAs(AUTHOR, { title: '队列二', content: `${CONTENT}${MARK.review}` });
  const elsewhere = await submitAs(other, { title: '第八组', content: `${CONTENT}${MARK.review}` });
  const leaderQueue = (await okAs<ReflectionPage>(LEADER, { action: 'listPending' })).items.map((item) => item.id);
  expect(leaderQueue.indexOf(first.id)).toBeLessThan(leaderQueue.indexOf(second.id));
  expect(leaderQueue).not.toContain(elsewhere.id);
  const adminQueue = (await okAs<ReflectionPage>(ADMIN, { action: 'listPending', limit: 50 })).items.map(
    (item) => item.id,
  );
  expect(adminQueue).toEqual(expect.arrayContaining([first.id, second.id, elsewhere.id]));
  const adminGroup8 = (await okAs<ReflectionPage>(ADMIN, { action: 'listPending', groupNo: 8 })).items.map(
    (item) => item.id,
  );
  expect(adminGroup8).toEqual([elsewhere.id]);
  // A console call (an organiser in the CloudBase console) reviews too, recorded as 'console'.
  await okAs(null, { action: 'approve', id: elsewhere.id });
  expect(((await stored(elsewhere.id)).history as Array<{ by: string }>).at(-1)?.by).toBe('console');
});

it('pages the wall by cursor with no repeats and no gaps', async () => {
  const pager = 'mod-pager-g9';
  const reader = 'mod-reader-g9';
  await enrol(env().db, pager, 9);
  await enrol(env().db, reader, 9);
  const written: string[] = [];
  for (let n = 0; n < 7; n += 1) written.push((await submitAs(pager, { title: `第${n}篇` })).id);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: ReflectionPage = await okAs<ReflectionPage>(reader, {
      action: 'listGroup',
      limit: 3,
      ...(cursor ? { cursor } : {}),
    });
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  // Each once (two written in the same millisecond are ordered by id, so compare as sets).
  expect(seen).toHaveLength(7);
  expect([...seen].sort()).toEqual([...written].sort());
  expect(await errorOf(reader, { action: 'listGroup', cursor: 'not-a-cursor' })).toBe('INVALID_ARGUMENT');
});

describe('a move on a reflection changed since the reviewer read it', () => {
  // An author of their own: the first author's submissions above come near the rate limit.
  const EDITOR = 'mod-editor-g2';
  beforeAll(() => enrol(env().db, EDITOR, 2));

  it("approve with the view read before the author's update: CONFLICT, and the new text stays pending", async () => {
    const written = await submitAs(EDITOR, { title: '第一稿', content: `${CONTENT}${MARK.review}` });
    const queue = await okAs<ReflectionPage>(LEADER, { action: 'listPending', limit: 50 });
    const seen = queue.items.find((item) => item.id === written.id);
    expect(seen).toMatchObject({ title: '第一稿', status: 'pending' });

    const updated = await okAs<ReflectionAnswer>(EDITOR, {
      action: 'update',
      id: written.id,
      title: '第二稿',
      content: `${CONTENT}改过的内容。${MARK.review}`,
    });
    expect(updated.reflection.status).toBe('pending');

    const answer = await callAs(LEADER, { action: 'approve', id: written.id, updatedAt: seen?.updatedAt });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: REFLECTION_MESSAGES.changedSinceRead },
    });
    expect(await stored(written.id)).toMatchObject({ status: 'pending', title: '第二稿' });

    // Refreshed, the reviewer sees the new text and may approve it.
    const fresh = await okAs<ReflectionAnswer>(LEADER, { action: 'get', id: written.id });
    expect(fresh.reflection.title).toBe('第二稿');
    await okAs(LEADER, { action: 'approve', id: written.id, updatedAt: fresh.reflection.updatedAt });
    expect((await stored(written.id)).status).toBe('published');
  });

  it("feature with the view read before the author's update of a published reflection: CONFLICT, not featured", async () => {
    const written = await submitAs(EDITOR, { title: '已发布的第一稿' });
    expect(written.status).toBe('published');
    const seen = (await okAs<ReflectionAnswer>(LEADER, { action: 'get', id: written.id })).reflection;

    await okAs(EDITOR, { action: 'update', id: written.id, title: '已发布的第二稿', content: `${CONTENT}又改了。` });

    const answer = await callAs(LEADER, { action: 'feature', id: written.id, updatedAt: seen.updatedAt });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await stored(written.id)).toMatchObject({ status: 'published', featured: false, title: '已发布的第二稿' });
  });

  it('the write itself is conditional: a change computed from a read the author has since overtaken is refused', async () => {
    const repository = new ReflectionRepository(env().db as unknown as Database);
    const written = await submitAs(EDITOR, { title: '读后被改', content: `${CONTENT}${MARK.review}` });
    const read = await repository.byId(written.id);
    if (read === null) throw new Error('not stored');
    await okAs(EDITOR, {
      action: 'update',
      id: written.id,
      title: '读后被改的第二稿',
      content: `${CONTENT}${MARK.review}`,
    });
    const entry = transition('approve', 'pending', 'published', LEADER, new Date());
    expect(await repository.change(read, { status: 'published', updatedAt: new Date() }, entry)).toBe(false);
    expect((await stored(written.id)).status).toBe('pending');
  });

  it('a reflection stored by hand without updatedAt can still be approved (and then carries one)', async () => {
    const written = await submitAs(EDITOR, { title: '手工改过', content: `${CONTENT}${MARK.review}` });
    await env().db.collection(COLLECTIONS.reflections).doc(written.id).update({ updatedAt: env().db.command.remove() });
    expect('updatedAt' in (await stored(written.id))).toBe(false);
    await okAs(LEADER, { action: 'approve', id: written.id });
    const doc = await stored(written.id);
    expect(doc.status).toBe('published');
    expect(doc.updatedAt).toBeInstanceOf(Date);
  });
});
