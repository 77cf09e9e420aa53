import * as z from 'zod/mini';
import { AppError } from '../../../core/runtime/errors';
import { defineFunction, type CallContext } from '../../../core/runtime/define-function';

interface EchoActions {
  echo: {
    request: { action: 'echo'; text: string; times?: number };
    response: { echoed: string; caller: CallContext['caller'] };
  };
  missing: { request: { action: 'missing' }; response: never };
  boom: { request: { action: 'boom' }; response: never };
}

const main = defineFunction<EchoActions>({
  actions: {
    echo: {
      access: 'content.read',
      schema: z.object({
        action: z.literal('echo'),
        text: z.string().check(z.minLength(1), z.maxLength(5)),
        times: z.optional(z.number().check(z.int(), z.minimum(1))),
      }),
      handler: async (input, ctx) => ({ echoed: input.text.repeat(input.times ?? 1), caller: ctx.caller }),
    },
    missing: {
      access: 'content.read',
      schema: z.object({ action: z.literal('missing') }),
      handler: async () => {
        throw new AppError('NOT_FOUND', '没有这篇');
      },
    },
    boom: {
      access: 'content.read',
      schema: z.object({ action: z.literal('boom') }),
      handler: async () => {
        throw new Error('database exploded at /secret/path.ts:12');
      },
    },
  },
});

/** The context the platform hands a function called from the mini-program (old-style `environ` string). */
function wxClientContext(openid: string, source = 'wx_client'): Record<string, unknown> {
  return {
    request_id: 'req-1',
    function_name: 'echo',
    environ: [
      'WX_CONTEXT_KEYS=WX_OPENID,WX_APPID',
      `WX_OPENID=${openid}`,
      'WX_APPID=wx-app',
      'TCB_CONTEXT_KEYS=TCB_SOURCE',
      `TCB_SOURCE=${source}`,
    ].join(';'),
  };
}

describe('defineFunction', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('routes on action, validates and wraps the result in ok:true', async () => {
    await expect(main({ action: 'echo', text: 'ab', times: 2 }, wxClientContext('o-1'))).resolves.toEqual({
      ok: true,
      data: { echoed: 'abab', caller: { openid: 'o-1', appid: 'wx-app', source: 'wx_client' } },
    });
  });

  it('reads the caller from context only, never from the event', async () => {
    const result = await main(
      { action: 'echo', text: 'a', userInfo: { openId: 'forged' }, WX_OPENID: 'forged' },
      undefined,
    );
    expect(result).toEqual({ ok: true, data: { echoed: 'a', caller: { openid: null, appid: null, source: null } } });
  });

  it('keeps a call chain source whole (the environ string splits it on commas)', async () => {
    const result = await main({ action: 'echo', text: 'a' }, wxClientContext('o-2', 'wx_client,scf'));
    expect(result.ok && (result.data as { caller: { source: string } }).caller.source).toBe('wx_client,scf');
  });

  it('treats a context the SDK cannot parse as carrying no caller', async () => {
    const result = await main({ action: 'echo', text: 'a' }, { request_id: 'x' });
    expect(result.ok && (result.data as { caller: unknown }).caller).toEqual({
      openid: null,
      appid: null,
      source: null,
    });
  });

  it.each([
    ['not an object', 'list', '请求格式有误：应为对象'],
    ['null', null, '请求格式有误：应为对象'],
    ['an array', [{ action: 'echo' }], '请求格式有误：应为对象'],
    ['no action', {}, '缺少参数 action'],
    ['an unknown action', { action: 'nope' }, '不支持的操作：nope'],
    ['an inherited name', { action: 'toString' }, '不支持的操作：toString'],
  ])('answers INVALID_ARGUMENT for %s', async (_label, event, message) => {
    await expect(main(event)).resolves.toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
  });

  it.each([
    [{ action: 'echo' }, '缺少参数 text'],
    [{ action: 'echo', text: 3 }, '参数 text 应为文字'],
    [{ action: 'echo', text: 'toolong' }, '参数 text 不能超过 5 个字符'],
    [{ action: 'echo', text: 'a', times: 0 }, '参数 times 不能小于 1'],
    [{ action: 'echo', text: 'a', times: 1.5 }, '参数 times 应为整数'],
  ])('names the wrong field in Chinese: %j', async (event, message) => {
    await expect(main(event)).resolves.toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
  });

  it('maps an AppError to its code and message', async () => {
    await expect(main({ action: 'missing' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有这篇' },
    });
  });

  it('turns any other exception into INTERNAL with a logged request id and no stack', async () => {
    const result = await main({ action: 'boom' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toBe('服务暂时不可用，请稍后重试');
    expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toMatch(/exploded|secret|\.ts/);
    const logged = consoleError.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
    expect(logged).toContain(result.error.requestId);
    expect(logged).toContain('database exploded');
    expect(logged).toMatch(/at .*define-function\.test\.ts/); // the stack goes to the log
  });
});

// Type-level checks: a handler that does not honour its contract must not compile.
defineFunction<EchoActions>({
  actions: {
    echo: {
      access: 'content.read',
      schema: z.object({ action: z.literal('echo'), text: z.string() }),
      // @ts-expect-error the response lacks `caller`
      handler: async (input) => ({ echoed: input.text }),
    },
    missing: {
      access: 'content.read',
      schema: z.object({ action: z.literal('missing') }),
      handler: async () => Promise.reject(new Error('x')),
    },
    boom: {
      access: 'content.read',
      schema: z.object({ action: z.literal('boom') }),
      handler: async () => Promise.reject(new Error('x')),
    },
  },
});
defineFunction<EchoActions>({
  // @ts-expect-error an action of the contract is missing
  actions: {
    echo: {
      access: 'content.read',
      schema: z.object({ action: z.literal('echo'), text: z.string() }),
      handler: async (i, c) => ({ echoed: i.text, caller: c.caller }),
    },
  },
});
