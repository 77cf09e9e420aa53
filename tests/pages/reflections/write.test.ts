/**
 * 写心得: the live count in characters as readers count them, the draft surviving a reload and a failed
 * submission, the retry sending the same requestId, and the draft removed only once the server confirmed.
 */
import { DRAFT_SAVE_DELAY_MS } from '../../../miniprogram/reflections/lib/draft';
import {
  installMiniprogram,
  openPage,
  select,
  selectAll,
  settle,
  tap,
  text,
  type Harness,
  type SimComponent,
} from '../../support/simulate';
import { OVERVIEW, view } from './fixtures';

const WRITE = 'reflections/write/index';
const DRAFT_KEY = 'reflection-draft:self:new';
const CONTENT = '今天分组研讨，大家围绕全过程人民民主谈了各自县乡人大的做法。';

/** Pages opened by a test are closed after it, so no debounced save of theirs lands in the next test. */
const opened: SimComponent[] = [];
async function open(): Promise<SimComponent> {
  const page = await openPage(WRITE);
  opened.push(page);
  return page;
}

afterEach(() => {
  for (const page of opened.splice(0)) page.detach();
});

function type(page: SimComponent, selector: string, value: string): Promise<void> {
  const field = select(page, selector);
  if (!field) throw new Error(`no ${selector}`);
  field.dispatchEvent('input', { detail: { value } });
  return settle();
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function submitCalls(harness: Harness) {
  return harness.cloudCalls.filter((call) => call.name === 'reflections' && call.data.action === 'submit');
}

function withTitleBar() {
  Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
    setNavigationBarTitle: () => undefined,
  });
}

test('counts title and content in characters as readers see them (a skin-tone emoji is one)', async () => {
  installMiniprogram({ cloud: (name) => (name === 'training' ? { ok: true, data: OVERVIEW } : new Error('offline')) });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '学习👍🏽体会');
  expect(text(select(page, '.write__count'))).toBe('5/50');
  await type(page, '.write__content', '学'.repeat(19));
  expect(text(select(page, '.write__field .write__count--bad'))).toContain('19/5000 字');
  expect(text(select(page, '.write__hint'))).toBe('还差 1 字');
  await type(page, '.write__content', `${'学'.repeat(19)}👍🏽`);
  expect(select(page, '.write__hint')).toBeUndefined();
  await type(page, '.write__title', '题'.repeat(51));
  expect(select(page, '.write__count--bad')).toBeDefined();
});

test('refuses to send what the function would refuse, saying why, and sends nothing', async () => {
  const harness = installMiniprogram({
    cloud: (name) => (name === 'training' ? { ok: true, data: OVERVIEW } : new Error('x')),
  });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '\u200B ');
  await type(page, '.write__content', CONTENT);
  await tap(select(page, '.write__submit', '.t-button'));
  expect(text(select(page, '.write__error'))).toBe('请填写标题');
  expect(submitCalls(harness)).toHaveLength(0);
});

test('keeps the draft while typing (debounced) and restores it when the page is opened again', async () => {
  const harness = installMiniprogram({
    cloud: (name) => (name === 'training' ? { ok: true, data: OVERVIEW } : new Error('x')),
  });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '半途离开的心得');
  await type(page, '.write__content', CONTENT);
  expect(harness.storage.has(DRAFT_KEY)).toBe(false);
  await wait(DRAFT_SAVE_DELAY_MS + 100);
  const saved = harness.storage.get(DRAFT_KEY) as { requestId: string; title: string; content: string };
  expect(saved).toMatchObject({ title: '半途离开的心得', content: CONTENT });
  const again = await open();
  expect(text(select(again, '.write__restored'))).toContain('已恢复上次未提交的草稿');
  expect(again.data).toMatchObject({ titleValue: '半途离开的心得', contentValue: CONTENT, requestId: saved.requestId });
  expect(text(select(again, '.write__count'))).toBe('7/50');
});

test('a failed submission keeps the draft; 重新提交 sends the same requestId; success clears it and opens the reflection', async () => {
  // services/cloud.ts logs the transport failure for the developer console.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const harness = installMiniprogram({
    cloud: (name) => (name === 'training' ? { ok: true, data: OVERVIEW } : new Error('timeout')),
  });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '网络不好时写的');
  await type(page, '.write__content', CONTENT);
  await tap(select(page, '.write__submit', '.t-button'));
  await settle();
  expect(text(select(page, '.write__failed'))).toContain('网络不给力');
  expect(text(select(page, '.write__failed'))).toContain('草稿已保存');
  expect(harness.storage.get(DRAFT_KEY)).toMatchObject({ title: '网络不好时写的', content: CONTENT });

  // The app is closed and opened again: the draft, with its requestId, is still there.
  const reopened = await open();
  await tap(select(reopened, '.write__submit', '.t-button'));
  await settle();
  expect(select(reopened, '.write__retry')).toBeDefined();

  harness.setCloud((name, data) =>
    name === 'training'
      ? { ok: true, data: OVERVIEW }
      : {
          ok: true,
          data: {
            reflection: view('r-1', {
              title: String(data.title),
              content: String(data.content),
              status: 'published',
              mine: true,
            }),
          },
        },
  );
  await tap(select(reopened, '.write__retry', '.t-button'));
  await settle();
  const sent = submitCalls(harness);
  expect(sent).toHaveLength(3);
  expect(new Set(sent.map((call) => call.data.requestId)).size).toBe(1);
  expect(sent[2].data).toMatchObject({ title: '网络不好时写的', content: CONTENT });
  expect(sent[2].data).not.toHaveProperty('sessionId');
  expect(harness.storage.has(DRAFT_KEY)).toBe(false);
  expect(harness.navigations).toContainEqual({ kind: 'redirectTo', url: '/reflections/detail/index?id=r-1' });
  expect(logged).toHaveBeenCalled();
  logged.mockRestore();
});

test('shows the submit in progress and sends one request for a double tap', async () => {
  let answer: (value: unknown) => void = () => undefined;
  const harness = installMiniprogram({
    cloud: (name) =>
      name === 'training' ? { ok: true, data: OVERVIEW } : new Promise((resolve) => (answer = resolve)),
  });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '双击提交');
  await type(page, '.write__content', CONTENT);
  await tap(select(page, '.write__submit', '.t-button'));
  expect(text(select(page, '.write__submit', '.t-button'))).toContain('正在提交');
  await tap(select(page, '.write__submit', '.t-button'));
  expect(submitCalls(harness)).toHaveLength(1);
  answer({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再提交' } });
  await settle();
  expect(text(select(page, '.write__failed'))).toContain('内容未通过安全检查');
  expect(harness.storage.get(DRAFT_KEY)).toMatchObject({ title: '双击提交' });
});

test('offers the course’s sessions, the group discussion first by default, and sends the one chosen', async () => {
  const harness = installMiniprogram({
    cloud: (name, data) =>
      name === 'training'
        ? { ok: true, data: OVERVIEW }
        : { ok: true, data: { reflection: view('r-2', { title: String(data.title), mine: true }) } },
  });
  withTitleBar();
  const page = await open();
  expect(text(select(page, '.write__session-title'))).toBe('分组研讨（默认）');
  await tap(select(page, '.write__session'));
  const options = selectAll(page, '.write__session-option');
  expect(options.map((option) => text(option))).toEqual(['分组研讨（默认）', '分组研讨', '专题讲座']);
  await tap(options[2]);
  expect(text(select(page, '.write__session-title'))).toBe('专题讲座');
  expect(select(page, '.write__session-option')).toBeUndefined();
  await type(page, '.write__title', '听讲座的体会');
  await type(page, '.write__content', CONTENT);
  await tap(select(page, '.write__submit', '.t-button'));
  await settle();
  expect(submitCalls(harness)[0].data).toMatchObject({ sessionId: 'lecture-1' });
});

/** The function's answer to a submit or update: the reflection as stored from what was sent. */
function stored(id: string) {
  return (name: string, data: Record<string, unknown>) =>
    name === 'training'
      ? { ok: true, data: OVERVIEW }
      : {
          ok: true,
          data: {
            reflection: view(id, {
              title: String(data.title),
              content: String(data.content),
              status: 'published',
              mine: true,
            }),
          },
        };
}

test('after a confirmed submit, closing the page never writes the draft back', async () => {
  const harness = installMiniprogram({ cloud: stored('r-9') });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '已经交了');
  await type(page, '.write__content', CONTENT);
  await tap(select(page, '.write__submit', '.t-button'));
  await settle();
  expect(harness.navigations).toContainEqual({ kind: 'redirectTo', url: '/reflections/detail/index?id=r-9' });
  page.detach(); // what redirectTo does to the page on a phone: its unload flushes the draft
  await wait(DRAFT_SAVE_DELAY_MS + 50);
  expect(harness.storage.has(DRAFT_KEY)).toBe(false);
  const next = await open();
  expect(text(select(next, '.write__count'))).toBe('0/50');
});

test('a requestId the server stored before (a timed-out submit) with other text: the edit becomes an update', async () => {
  const harness = installMiniprogram({
    cloud: (name, data) =>
      name === 'training'
        ? { ok: true, data: OVERVIEW }
        : data.action === 'submit'
          ? { ok: true, data: { reflection: view('r-first', { title: '第一次发出的', content: CONTENT, mine: true }) } }
          : stored('r-first')(name, data),
  });
  withTitleBar();
  const page = await open();
  await type(page, '.write__title', '改过的标题');
  await type(page, '.write__content', `${CONTENT}又补了一句。`);
  await tap(select(page, '.write__submit', '.t-button'));
  await settle();
  const update = harness.cloudCalls.find((call) => call.name === 'reflections' && call.data.action === 'update');
  expect(update?.data).toMatchObject({ id: 'r-first', title: '改过的标题', content: `${CONTENT}又补了一句。` });
  expect(harness.navigations).toContainEqual({ kind: 'redirectTo', url: '/reflections/detail/index?id=r-first' });
  expect(harness.storage.has(DRAFT_KEY)).toBe(false);
});

test('changing a reflection back to 分组研讨（默认） names the discussion session (an update without one keeps the old)', async () => {
  const harness = installMiniprogram({
    cloud: (name, data) =>
      name === 'training'
        ? { ok: true, data: OVERVIEW }
        : data.action === 'get'
          ? { ok: true, data: { reflection: view('r-7', { content: CONTENT, sessionId: 'lecture-1', mine: true }) } }
          : stored('r-7')(name, data),
  });
  withTitleBar();
  const page = await openPage(WRITE, { id: 'r-7' });
  opened.push(page);
  await settle();
  await tap(select(page, '.write__session'));
  await tap(selectAll(page, '.write__session-option')[0]);
  await tap(select(page, '.write__submit', '.t-button'));
  await settle();
  const update = harness.cloudCalls.find((call) => call.name === 'reflections' && call.data.action === 'update');
  expect(update?.data).toMatchObject({ id: 'r-7', sessionId: 'discussion-groups' });
});
