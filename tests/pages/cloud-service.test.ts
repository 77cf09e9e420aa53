/**
 * services/cloud.ts where the phone's WeChat is too old to have wx.cloud: launch does not crash, and every
 * call answers a sentence that says what to do (upgrade), not a network error that a retry cannot cure.
 */
import { initCloud } from '../../miniprogram/services/cloud';
import { installMiniprogram, openPage, select, text } from '../support/simulate';

const wxGlobal = (globalThis as unknown as { wx: Record<string, unknown> }).wx;

describe('services/cloud without wx.cloud (base library below 2.2.3)', () => {
  test('launch only logs, and a page says to upgrade WeChat', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { items: [], nextCursor: null } }) });
    delete wxGlobal.cloud;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => initCloud('env-1')).not.toThrow();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('2.2.3'));

    const home = await openPage('pages/home/index');
    expect(text(select(home, '.page-state', '.state-view__error'))).toContain('当前微信版本过低，请升级微信后再打开');
    expect(harness.cloudCalls).toEqual([]);
    logged.mockRestore();
  });

  test('with wx.cloud, launch initialises it once with the environment id', async () => {
    installMiniprogram({ cloud: () => ({ ok: true, data: {} }) });
    const cloud = wxGlobal.cloud as { init: (options: unknown) => void };
    const init = jest.spyOn(cloud, 'init');
    initCloud('env-1');
    expect(init).toHaveBeenCalledWith({ env: 'env-1', traceUser: true });
  });
});
