import { FONT_STEP_STORAGE_KEY } from '../../miniprogram/shell/font-size';
import { dataset, installMiniprogram, openPage, select, settle, tap } from '../support/simulate';

const article = {
  id: 'a1',
  title: '标题',
  source: '河南省人大融媒体中心',
  publishedAt: '2024-11-22',
  summary: '',
  cover: '',
  updatedAt: '2024-11-22T08:00:00.000Z',
  byline: { reporters: [], correspondents: [], editors: [] },
  blocks: [{ type: 'paragraph', text: '正文' }],
};

describe('字号', () => {
  test('choosing a step changes the root font size, persists it, and the next page opens with it', async () => {
    const harness = installMiniprogram({
      cloud: (_name, data) => ({
        ok: true,
        data: data.action === 'list' ? { items: [], nextCursor: null } : { article },
      }),
    });
    const page = await openPage('reading/article/index', { id: 'a1' });
    expect(document.documentElement.style.fontSize).toBe('17px');

    await tap(select(page, '.font-size', '.font-size-control__step--largest'));
    await settle();
    expect(harness.storage.get(FONT_STEP_STORAGE_KEY)).toBe('largest');
    expect(document.documentElement.style.fontSize).toBe('26px'); // 17 × 1.5, rounded
    expect(dataset(select(page, '.font-size', '.font-size-control__step--active')).step).toBe('largest');

    document.documentElement.style.fontSize = '';
    await openPage('pages/home/index');
    expect(document.documentElement.style.fontSize).toBe('26px');
  });

  test("follows WeChat's own font scale on top of the chosen step", async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { article } }), systemFontScale: 1.25 });
    harness.storage.set(FONT_STEP_STORAGE_KEY, 'large');
    await openPage('reading/article/index', { id: 'a1' });
    expect(document.documentElement.style.fontSize).toBe('24px'); // 17 × 1.15 × 1.25 ≈ 24.4
  });

  test('a stored value that is not a step falls back to standard', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { article } }) });
    harness.storage.set(FONT_STEP_STORAGE_KEY, 'gigantic');
    await openPage('reading/article/index', { id: 'a1' });
    expect(document.documentElement.style.fontSize).toBe('17px');
  });
});
