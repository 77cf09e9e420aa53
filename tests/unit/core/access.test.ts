/**
 * The permission rule on its own (core/access): who a call is (resolvePrincipal, from the platform context
 * and one enrolment lookup) and what each kind of caller can do (every capability of the table). The
 * authorisation table test proves the same through the functions host for the actions that exist.
 */
import { can, type Capability } from '../../../core/access/policy';
import { resolvePrincipal, type Membership, type Principal } from '../../../core/access/principal';

const MEMBERS: Record<string, Membership> = {
  't-1': { name: '示例学员甲', unit: '示例单位', role: 'trainee', groupNo: 1 },
  'l-1': { name: '示例组长甲', unit: '示例单位', role: 'leader', groupNo: 1 },
  'a-1': { name: '示例管理员', unit: '示例单位', role: 'admin', groupNo: 1 },
  'l-none': { name: '示例组长', unit: '示例单位', role: 'leader', groupNo: null },
};
const lookup = async (openid: string) => MEMBERS[openid] ?? null;

function caller(openid: string | null, source: string | null = openid === null ? null : 'wx_client') {
  return { openid, appid: openid === null ? null : 'wx', source };
}

describe('resolvePrincipal', () => {
  it('a call with no openid and no client source is the console', async () => {
    for (const source of [null, 'scf', 'wx_trigger', 'wx_unknown']) {
      expect(await resolvePrincipal(caller(null, source), { action: 'x' }, lookup)).toEqual({ kind: 'console' });
    }
  });

  it('no openid from a client source, or an HTTP-access event, is a stranger', async () => {
    for (const source of [
      'wx_client',
      'wx_devtools',
      'wx_http',
      'web_client',
      'wx_localdebug',
      'wx_client,scf',
      'SCF, WX_HTTP',
    ]) {
      expect(await resolvePrincipal(caller(null, source), { action: 'x' }, lookup)).toEqual({ kind: 'stranger' });
    }
    for (const key of ['httpMethod', 'requestContext', 'headers']) {
      expect(await resolvePrincipal(caller(null), { action: 'x', [key]: {} }, lookup)).toEqual({ kind: 'stranger' });
      expect(await resolvePrincipal(caller('a-1'), { action: 'x', [key]: {} }, lookup)).toEqual({ kind: 'stranger' });
    }
  });

  it('an openid is a visitor until enrolled, then a member with the enrolment’s role and group', async () => {
    expect(await resolvePrincipal(caller('nobody'), {}, lookup)).toEqual({ kind: 'visitor', openid: 'nobody' });
    expect(await resolvePrincipal(caller('l-1'), {}, lookup)).toEqual({
      kind: 'member',
      openid: 'l-1',
      ...MEMBERS['l-1'],
    });
  });

  it('identity fields in the event change nothing', async () => {
    const event = { openid: 'a-1', _openid: 'a-1', userInfo: { openId: 'a-1' }, role: 'admin', groupNo: 2 };
    expect(await resolvePrincipal(caller('t-1'), event, lookup)).toEqual({
      kind: 'member',
      openid: 't-1',
      ...MEMBERS['t-1'],
    });
    expect(await resolvePrincipal(caller('nobody'), event, lookup)).toEqual({ kind: 'visitor', openid: 'nobody' });
  });
});

const member = (openid: string): Principal => ({ kind: 'member', openid, ...MEMBERS[openid] });
const PRINCIPALS: Record<string, Principal> = {
  console: { kind: 'console' },
  stranger: { kind: 'stranger' },
  visitor: { kind: 'visitor', openid: 'v' },
  trainee1: member('t-1'),
  leader1: member('l-1'),
  leaderNoGroup: member('l-none'),
  admin: member('a-1'),
};

/** Who may, per capability and scope: the names of PRINCIPALS allowed. */
const EXPECTED: Array<[Capability, number | undefined, string[]]> = [
  ['content.read', undefined, Object.keys(PRINCIPALS)],
  ['enrolment.self', undefined, ['visitor', 'trainee1', 'leader1', 'leaderNoGroup', 'admin']],
  ['reflections.write', undefined, ['trainee1', 'leader1', 'leaderNoGroup', 'admin']],
  ['reflections.readGroup', 1, ['trainee1', 'leader1', 'admin']],
  ['reflections.readGroup', 2, ['admin']],
  ['reflections.review', 1, ['console', 'leader1', 'admin']],
  ['reflections.review', 2, ['console', 'admin']],
  ['trainees.manage', undefined, ['console', 'admin']],
  ['articles.manage', undefined, ['console', 'admin']],
];

describe('can', () => {
  it.each(EXPECTED)('%s (group %s)', (capability, groupNo, allowed) => {
    const scope = groupNo === undefined ? {} : { groupNo };
    const actual = Object.entries(PRINCIPALS)
      .filter(([, principal]) => can(principal, capability, scope))
      .map(([name]) => name);
    expect(actual).toEqual(allowed);
  });
});
