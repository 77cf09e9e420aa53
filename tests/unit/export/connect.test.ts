// Where the organisers' commands (publish, export:reflections) connect: a real environment only with all three
// settings, otherwise the local stack at TCB_SERVICE_URL or the emulator port `npm start` uses.
import { connectCloud, isConnectionRefused } from '../../../scripts/cloud/connect';

describe('connectCloud', () => {
  it('takes a real environment only when TCB_ENV and both keys are set', () => {
    expect(connectCloud({ TCB_ENV: 'prod-1a2b', TCB_SECRET_ID: 'id', TCB_SECRET_KEY: 'key' }).where).toBe(
      '云开发环境 prod-1a2b',
    );
    expect(connectCloud({ TCB_ENV: 'prod-1a2b', TCB_SECRET_ID: 'id' }).where).toBe('本地环境 http://127.0.0.1:3001/');
  });

  it('finds the local stack as npm start runs it: TCB_SERVICE_URL, else EMULATOR_PORT, else PORT + 1', () => {
    expect(connectCloud({ TCB_SERVICE_URL: 'http://127.0.0.1:4567/' }).where).toBe('本地环境 http://127.0.0.1:4567/');
    expect(connectCloud({ EMULATOR_PORT: '3401' }).where).toBe('本地环境 http://127.0.0.1:3401/');
    expect(connectCloud({ PORT: '4000' }).where).toBe('本地环境 http://127.0.0.1:4001/');
  });
});

describe('isConnectionRefused', () => {
  it('reads ECONNREFUSED in the message or the cause, and nothing else', () => {
    expect(isConnectionRefused(new Error('connect ECONNREFUSED 127.0.0.1:3001'))).toBe(true);
    expect(isConnectionRefused(new Error('fetch failed', { cause: new Error('connect ECONNREFUSED') }))).toBe(true);
    expect(isConnectionRefused(new Error('request timeout'))).toBe(false);
    expect(isConnectionRefused('ECONNREFUSED')).toBe(false);
  });
});
