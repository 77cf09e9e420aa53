// The deploy plan is worked out offline; these prove it refuses what would fail (or do harm) in the cloud.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLACEHOLDER_ENV_ID, planDeploy } from '../../../scripts/deploy/plan';

let root: string;

function writeProject(clientEnvId: string, bundles: Record<string, string[]>): string {
  mkdirSync(path.join(root, 'miniprogram', 'config'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.2.3' }));
  writeFileSync(
    path.join(root, 'miniprogram', 'config', 'index.ts'),
    `export const CLOUD_ENV_ID = '${clientEnvId}';\n`,
  );
  const functionsDir = path.join(root, 'dist', 'functions');
  for (const [name, files] of Object.entries(bundles)) {
    mkdirSync(path.join(functionsDir, name), { recursive: true });
    for (const file of files) writeFileSync(path.join(functionsDir, name, file), '{}');
  }
  return functionsDir;
}

function credentials(envId: string): NodeJS.ProcessEnv {
  const key = path.join(root, 'private.key');
  writeFileSync(key, 'key');
  return { WX_APPID: 'wx0123456789abcdef', WX_PRIVATE_KEY_PATH: key, TCB_ENV_ID: envId };
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deploy-plan-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const complete = ['index.js', 'package.json', 'config.json'];

test('a complete project with credentials is ready, every bundle listed', () => {
  const functionsDir = writeProject('cloud1-abc', { articles: complete, training: complete });
  const result = planDeploy({ projectRoot: root, functionsDir, env: credentials('cloud1-abc') });
  expect(result.errors).toEqual([]);
  expect(result.missing).toEqual([]);
  expect(result.plan.functions.map((fn) => fn.name)).toEqual(['articles', 'training']);
  expect(result.plan.version).toBe('1.2.3');
});

test('without credentials a plan lists each missing variable and the placeholder env id, but no error', () => {
  const functionsDir = writeProject(PLACEHOLDER_ENV_ID, { articles: complete });
  const result = planDeploy({ projectRoot: root, functionsDir, env: {} });
  expect(result.errors).toEqual([]);
  expect(result.missing.join('\n')).toMatch(/WX_APPID/);
  expect(result.missing.join('\n')).toMatch(/WX_PRIVATE_KEY_PATH/);
  expect(result.missing.join('\n')).toMatch(/TCB_ENV_ID/);
  expect(result.missing.join('\n')).toMatch(/CLOUD_ENV_ID 仍是占位符/);
});

test('a client aimed at another environment than the deploy target is an error', () => {
  const functionsDir = writeProject('cloud1-other', { articles: complete });
  const result = planDeploy({ projectRoot: root, functionsDir, env: credentials('cloud1-abc') });
  expect(result.errors).toEqual([expect.stringContaining('cloud1-other')]);
});

test('an incomplete bundle or no build at all is an error', () => {
  const functionsDir = writeProject('cloud1-abc', { articles: ['index.js'] });
  expect(planDeploy({ projectRoot: root, functionsDir, env: credentials('cloud1-abc') }).errors).toEqual([
    '云函数 articles 缺少 package.json、config.json',
  ]);
  const none = planDeploy({ projectRoot: root, functionsDir: path.join(root, 'nowhere'), env: {} });
  expect(none.errors).toEqual([expect.stringContaining('npm run build')]);
});
