/**
 * submit through the real node-sdk against the emulator: idempotency under 20 concurrent retries, each
 * answer of the content check, every input boundary in grapheme clusters, the rate limit, and the
 * number of database calls counted where they land.
 */
import type { ReflectionAnswer, ReflectionPage } from '../../../miniprogram/contracts/reflections';
import { reflectionId, sortKeyOf } from '../../../core/reflections/stored';
import { startRequestCounter, type RequestCounter } from '../../support/request-counter';
import {
  CONTENT,
  MARK,
  callAs,
  countReflections,
  enrol,
  errorOf,
  newRequestId,
  okAs,
  submitAs,
  useCourseEmulator,
} from './support';

const AUTHOR = 'sub-trainee-g3';
const PEER = 'sub-peer-g3';
const LEADER = 'sub-leader-g3';

const env = useCourseEmulator([
  [AUTHOR, 3],
  [PEER, 3],
  [LEADER, 3, 'leader'],
]);

describe('the same requestId', () => {
  it('sent 20 times at once stores exactly one reflection and answers the same id every time', async () => {
    const requestId = newRequestId();
    const event = { action: 'submit', requestId, title: '并发提交', content: CONTENT };
    const answers = await Promise.all(Array.from({ length: 20 }, () => okAs<ReflectionAnswer>(AUTHOR, event)));
    const ids = new Set(answers.map((answer) => answer.reflection.id));
    expect(ids.size).toBe(1);
    expect(await countReflections(env().db, { requestId })).toBe(1);
  });

  it('sent again after a timeout answers the first reflection, even with other text', async () => {
    const requestId = newRequestId();
    const first = await submitAs(AUTHOR, { requestId, title: '第一次' });
    const again = await submitAs(AUTHOR, { requestId, title: '重试时改了标题' });
    expect(again).toEqual(first);
    expect(await countReflections(env().db, { requestId })).toBe(1);
  });

  it('of another person is another reflection', async () => {
    const requestId = newRequestId();
    const mine = await submitAs(AUTHOR, { requestId });
    const theirs = await submitAs(PEER, { requestId });
    expect(theirs.id).not.toBe(mine.id);
  });
});

describe('the content check', () => {
  // A failing checker is logged (console.error) for the operators; keep the test output clean.
  let logged: jest.SpyInstance;
  beforeAll(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => logged.mockRestore());

  it('risky: CONTENT_REJECTED with a Chinese reason, nothing stored', async () => {
    const before = await countReflections(env().db);
    const answer = await callAs(AUTHOR, {
      action: 'submit',
      requestId: newRequestId(),
      title: '心得',
      content: `${CONTENT}${MARK.risky}`,
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringMatching(/安全检查/) },
    });
    expect(await countReflections(env().db)).toBe(before);
  });

  it('checks a long text in parts: a risky word past 2,500 characters is still found', async () => {
    const long = `${'学'.repeat(3000)}${MARK.risky}`;
    expect(await errorOf(AUTHOR, { action: 'submit', requestId: newRequestId(), title: '长文', content: long })).toBe(
      'CONTENT_REJECTED',
    );
  });

  it.each([
    ['review', MARK.review],
    ['a checker error', MARK.error],
    ['a checker timeout', MARK.timeout],
  ])('%s: stored pending, seen by its author and the leader, not by other trainees', async (_case, word) => {
    const written = await submitAs(AUTHOR, { title: `待审：${_case}`, content: `${CONTENT}${word}` });
    expect(written.status).toBe('pending');
    const stored = await env().db.collection('reflections').doc(written.id).get();
    expect(stored.data[0]).toMatchObject({ status: 'pending', content: `${CONTENT}${word}` });
    expect(await errorOf(PEER, { action: 'get', id: written.id })).toBe('NOT_FOUND');
    const wall = await okAs<ReflectionPage>(PEER, { action: 'listGroup', limit: 50 });
    expect(wall.items.map((item) => item.id)).not.toContain(written.id);
    expect((await okAs<ReflectionAnswer>(AUTHOR, { action: 'get', id: written.id })).reflection.status).toBe('pending');
    const queue = await okAs<ReflectionPage>(LEADER, { action: 'listPending', limit: 50 });
    // The leader is told why it waits; its author is not told about the check.
    expect(queue.items.find((item) => item.id === written.id)?.checkNote).toBe(
      word === MARK.review ? '自动检查：建议人工复核' : '自动检查未能完成，请人工审核',
    );
    const mine = await okAs<ReflectionPage>(AUTHOR, { action: 'listMine', limit: 50 });
    expect(mine.items.find((item) => item.id === written.id)?.checkNote).toBe('');
  });
});

describe('bad input', () => {
  const thumbs = '👍🏽'; // one grapheme: thumbs up + skin tone (4 UTF-16 units)
  const family = '👨‍👩‍👧‍👦'; // one grapheme: four people joined by ZWJ
  const zeroWidth = '\u200B\u200C\u200D\u2060\uFEFF';

  const accepted: Array<[string, string, string]> = [
    ['title of 1 grapheme', '心', CONTENT],
    ['title of 50 graphemes', '题'.repeat(50), CONTENT],
    ['title of 50 skin-tone emoji', thumbs.repeat(50), CONTENT],
    ['title of 50 family emoji', family.repeat(50), CONTENT],
    ['title padded with spaces and zero-width characters (trimmed)', `  ${zeroWidth}标题${zeroWidth}  `, CONTENT],
    ['content of exactly 20 graphemes', '标题', '学'.repeat(20)],
    ['content of 20 skin-tone emoji', '标题', thumbs.repeat(20)],
    ['content of 5,000 graphemes', '标题', '文'.repeat(5000)],
    ['content of 5,000 skin-tone emoji (20,000 UTF-16 units)', '标题', thumbs.repeat(5000)],
  ];

  // Each accepted case writes as its own person, so the rate limit (10 a minute) stays out of the way.
  let writers = 0;
  async function freshWriter(): Promise<string> {
    writers += 1;
    const openid = `sub-input-writer-${writers}`;
    await enrol(env().db, openid, 6);
    return openid;
  }

  it.each(accepted)('accepts %s', async (_case, title, content) => {
    const answer = await callAs(await freshWriter(), { action: 'submit', requestId: newRequestId(), title, content });
    expect(answer.ok).toBe(true);
  });

  it('stores the trimmed title', async () => {
    const written = await submitAs(await freshWriter(), { title: `  ${zeroWidth}标题${zeroWidth}  ` });
    expect(written.title).toBe('标题');
  });

  const refused: Array<[string, Record<string, unknown>]> = [
    ['no title', { title: undefined }],
    ['an empty title', { title: '' }],
    ['a whitespace-only title', { title: ' \n\t\u3000 ' }],
    ['a zero-width-only title', { title: zeroWidth }],
    ['a variation-selector-only title', { title: '\uFE0F\uFE0F' }],
    ['a title of 51 graphemes', { title: '题'.repeat(51) }],
    ['a title of 51 skin-tone emoji', { title: thumbs.repeat(51) }],
    ['content of 19 graphemes', { content: '学'.repeat(19) }],
    ['content of 19 skin-tone emoji', { content: thumbs.repeat(19) }],
    ['content of 19 graphemes padded with spaces', { content: `   ${'学'.repeat(19)}   ` }],
    ['content of 5,001 graphemes', { content: '文'.repeat(5001) }],
    ['empty content', { content: '' }],
    ['zero-width-only content', { content: zeroWidth.repeat(10) }],
    ['a number as title', { title: 12345 }],
    ['a boolean as content', { content: true }],
    ['null as title', { title: null }],
    ['an array as content', { content: [CONTENT] }],
    ['a nested object as title', { title: { text: { value: '标题' } } }],
    ['an operator object as title', { title: { $gt: '' } }],
    ['an operator object as content', { content: { $regex: '.*' } }],
    ['an operator object as requestId', { requestId: { $ne: null } }],
    ['a short requestId', { requestId: 'abc' }],
    ['a requestId with a dot', { requestId: 'abcdefgh.ij' }],
    ['an operator object as sessionId', { sessionId: { $exists: true } }],
    ['a session that does not exist', { sessionId: 'no-such-session' }],
  ];

  it.each(refused)('refuses %s with INVALID_ARGUMENT and writes nothing', async (_case, change) => {
    const before = await countReflections(env().db);
    const event = { action: 'submit', requestId: newRequestId(), title: '标题', content: CONTENT, ...change };
    const answer = await callAs(await freshWriter(), event);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
    expect(await countReflections(env().db)).toBe(before);
  });

  it('names the problem in Chinese', async () => {
    const answer = await callAs(AUTHOR, {
      action: 'submit',
      requestId: newRequestId(),
      title: '题'.repeat(51),
      content: CONTENT,
    });
    expect(answer).toMatchObject({ error: { message: '标题不能超过 50 个字' } });
  });
});

describe('rate limit', () => {
  it('takes 10 submissions a minute and refuses the 11th; a retry of an earlier one still answers', async () => {
    const person = 'sub-rate-g4';
    await enrol(env().db, person, 4);
    const firstRequest = newRequestId();
    await submitAs(person, { requestId: firstRequest });
    for (let n = 2; n <= 10; n += 1) await submitAs(person);
    expect(
      await errorOf(person, { action: 'submit', requestId: newRequestId(), title: '第十一篇', content: CONTENT }),
    ).toBe('RATE_LIMITED');
    expect(await countReflections(env().db, { authorOpenid: person })).toBe(10);
    const retried = await submitAs(person, { requestId: firstRequest });
    expect(retried.id).toBeDefined();
  });

  it('answers a retry past the limit even when the draft’s reflection is not among the recent ones read', async () => {
    const person = 'sub-rate-burst-g4';
    await enrol(env().db, person, 4);
    const now = new Date();
    // A burst stored more than the limit (drafts sent at the same moment all pass the count)...
    const burst = Array.from({ length: 12 }, (_, n) => {
      const id = reflectionId(person, `burst-${n}-aaaa`);
      return {
        _id: id,
        authorOpenid: person,
        groupNo: 4,
        status: 'published',
        createdAt: now,
        sortKey: sortKeyOf(now, id),
      };
    });
    await env().db.collection('reflections').add(burst);
    // ...and the draft being retried was stored last.
    const requestId = 'burst-retried-aaaa';
    const id = reflectionId(person, requestId);
    await env()
      .db.collection('reflections')
      .add({
        _id: id,
        requestId,
        authorOpenid: person,
        groupNo: 4,
        title: '最后存下的',
        content: CONTENT,
        status: 'published',
        createdAt: now,
        sortKey: sortKeyOf(now, id),
      });
    const retried = await submitAs(person, { requestId });
    expect(retried).toMatchObject({ id, title: '最后存下的' });
  });
});

describe('database calls, counted at the emulator', () => {
  let counter: RequestCounter;
  beforeAll(async () => {
    counter = await startRequestCounter(env().url);
    process.env.TCB_SERVICE_URL = counter.url;
  });
  afterAll(async () => {
    process.env.TCB_SERVICE_URL = env().url;
    await counter.close();
  });

  it('submit makes at most 4 (enrolment, existing + recent, sessions, insert)', async () => {
    counter.reset();
    await submitAs(PEER);
    expect(counter.total()).toBeLessThanOrEqual(4);
    expect(counter.counts()['database.insertDocument']).toBe(1);
  });

  it('listGroup makes at most 2 (enrolment, one page), also for the next page', async () => {
    counter.reset();
    const first = await okAs<ReflectionPage>(PEER, { action: 'listGroup', limit: 2 });
    expect(counter.total()).toBeLessThanOrEqual(2);
    expect(first.nextCursor).not.toBeNull();
    counter.reset();
    await okAs<ReflectionPage>(PEER, { action: 'listGroup', limit: 2, cursor: first.nextCursor });
    expect(counter.total()).toBeLessThanOrEqual(2);
  });
});
