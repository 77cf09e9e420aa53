/**
 * The identity switcher beside the phone decides who calls the cloud functions: every identity,
 * the new visitor included, sends its simulated openid, as every WeChat user has one (roles are
 * resolved by the functions). Only console test calls come without an openid.
 */
import type { Request } from 'playwright-core';
import { useE2E } from '../support/e2e';
import type { Phone } from '../support/e2e';

function functionCalls(phone: Phone): Request[] {
  const calls: Request[] = [];
  phone.page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/functions/')) calls.push(request);
  });
  return calls;
}

describe('身份切换', () => {
  const e2e = useE2E();

  e2e.flow('新访客的调用带 preview-visitor，切换成第 3 组学员后带上 preview-trainee-g3', async (phone) => {
    const calls = functionCalls(phone);
    await phone.openApp({ identity: 'visitor' });
    await phone.expectText('最新文章');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.headers()['x-wx-openid']).toBe('preview-visitor');
      expect(call.headers()['x-wx-source']).toBe('wx_client');
    }

    expect(await phone.page.locator('#preview-identity-openid').textContent()).toBe('x-wx-openid: preview-visitor');

    calls.length = 0;
    await phone.switchIdentity('trainee-g3');
    await phone.expectRoute('pages/home/index');
    await phone.expectText('信阳人大:为高水平履职“充电赋能”');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.headers()['x-wx-openid']).toBe('preview-trainee-g3');
    expect(await phone.page.locator('#preview-identity-openid').textContent()).toBe('x-wx-openid: preview-trainee-g3');
  });
});
