/**
 * The WeChat adapter of the content check, against a stand-in for wx-server-sdk (the real one is
 * installed by the cloud, not here): the request it sends (msgSecCheck v2, scene 2, the author's openid,
 * parts of at most 2,500 characters), how answers become verdicts, and that it is loaded only when used.
 */
const requests: Array<Record<string, unknown>> = [];
let answers: Array<Record<string, unknown> | Error> = [];
const init = jest.fn();

jest.mock(
  'wx-server-sdk',
  () => ({
    DYNAMIC_CURRENT_ENV: Symbol('current env'),
    init,
    openapi: {
      security: {
        msgSecCheck: async (request: Record<string, unknown>) => {
          requests.push(request);
          const next = answers.shift() ?? { errCode: 0, errMsg: 'ok', result: { suggest: 'pass', label: 100 } };
          if (next instanceof Error) throw next;
          return next;
        },
      },
    },
  }),
  { virtual: true },
);

import { checkText, selectChecker } from '../../../core/reflections/content-check';

const wechat = selectChecker({});

beforeEach(() => {
  requests.length = 0;
  answers = [];
});

it('is the production default, and loads wx-server-sdk only on the first check', async () => {
  expect(wechat.name).toBe('wechat');
  expect(init).not.toHaveBeenCalled();
  await checkText('学习心得', 'o-author', wechat, {});
  expect(init).toHaveBeenCalledTimes(1);
});

it('sends msgSecCheck v2 with scene 2 and the author’s openid, long texts in parts', async () => {
  const text = `${'学'.repeat(2500)}${'习'.repeat(100)}`;
  expect(await checkText(text, 'o-author', wechat, {})).toMatchObject({ suggest: 'pass', checker: 'wechat' });
  expect(requests).toEqual([
    { openid: 'o-author', scene: 2, version: 2, content: '学'.repeat(2500) },
    { openid: 'o-author', scene: 2, version: 2, content: '习'.repeat(100) },
  ]);
});

it('takes the worst answer of the parts', async () => {
  answers = [
    { errCode: 0, result: { suggest: 'review', label: 20006 } },
    { errCode: 0, result: { suggest: 'risky', label: 20001 } },
  ];
  expect(await checkText('学'.repeat(3000), 'o', wechat, {})).toEqual({
    suggest: 'risky',
    label: '20001',
    checker: 'wechat',
  });
});

it('turns an error code, a throw or a timeout into the verdict error (stored pending, never lost)', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  answers = [{ errCode: -604101, errMsg: 'system error' }];
  expect((await checkText('一段文字', 'o', wechat, {})).suggest).toBe('error');
  answers = [new Error('openapi call failed')];
  expect((await checkText('一段文字', 'o', wechat, {})).suggest).toBe('error');
  const slow = { name: 'slow', checkPart: () => new Promise<never>(() => undefined) };
  expect(await checkText('一段文字', 'o', slow, { CONTENT_CHECK_TIMEOUT_MS: '50' })).toMatchObject({
    suggest: 'error',
    label: 'timeout 50 ms',
  });
  logged.mockRestore();
});
