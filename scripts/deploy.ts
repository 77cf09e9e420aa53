/**
 * `npm run deploy`: apply the database declaration (collections, indexes, security rules; scripts/deploy/database.ts),
 * then upload every cloud function and the mini-program with miniprogram-ci.
 * `npm run deploy -- --dry-run`: everything that can be checked offline — build, compile check, package sizes,
 * bundles, credentials present, client and functions aimed at the same environment — then stop before the
 * first request to WeChat. Credentials and steps: docs/deploy.md.
 */
import * as ci from 'miniprogram-ci';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions, FUNCTIONS_DIST_DIR, PROJECT_ROOT } from './build-functions';
import { packMiniprogramNpm } from './build-miniprogram-npm';
import { checkMiniprogram, PACKAGE_LIMIT_BYTES } from './check-miniprogram';
import { inScratchDirectory } from './miniprogram-ci-scratch';
import { planDeploy, type DeployPlan } from './deploy/plan';
import { DATABASE } from '../core/database/collections';
import { declarationProblems } from '../core/database/declaration';
import {
  applyDatabase,
  connectDatabaseManager,
  describeStep,
  planDatabase,
  readDatabaseSettings,
  type DatabaseSettings,
} from './deploy/database';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function deployDatabase(settings: DatabaseSettings): Promise<void> {
  console.log(`deploy: 数据库（环境 ${settings.envId}）…`);
  const manager = await connectDatabaseManager(settings);
  await applyDatabase(DATABASE, manager, settings.envId, (line) => console.log(`deploy:   ${line}`));
}

/**
 * A function whose deployed package.json lists dependencies (kept out of its bundle on purpose, e.g.
 * reflections' wx-server-sdk) is installed by the cloud after upload; the others carry everything.
 */
function needsRemoteInstall(functionDir: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(functionDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {}).length > 0;
}

async function upload(plan: DeployPlan): Promise<void> {
  const project = new ci.Project({
    appid: plan.appid,
    type: 'miniProgram',
    projectPath: PROJECT_ROOT,
    privateKeyPath: plan.privateKeyPath,
    ignores: ['node_modules/**/*', 'dist/**/*', '.data/**/*', '.scratch/**/*', 'tests/**/*'],
  });
  for (const fn of plan.functions) {
    console.log(`deploy: 上传云函数 ${fn.name} …`);
    await ci.cloud.uploadFunction({
      project,
      env: plan.cloudEnvId,
      name: fn.name,
      path: fn.dir,
      remoteNpmInstall: needsRemoteInstall(fn.dir),
    });
  }
  console.log(`deploy: 上传小程序 ${plan.version} …`);
  await ci.upload({ project, version: plan.version, desc: plan.description, setting: { es6: true, minify: true } });
  console.log('deploy: 完成。请在微信公众平台提交审核。');
}

/** What only the person deploying can supply (credentials, environment ids), from the environment alone. */
function missingSettings(): string[] {
  const { missing } = planDeploy({ projectRoot: PROJECT_ROOT, functionsDir: FUNCTIONS_DIST_DIR, env: process.env });
  const database = readDatabaseSettings(process.env).missing;
  return [...missing, ...database.map((name) => `缺少环境变量 ${name}（数据库部署：云开发环境 ID 与 API 密钥）`)];
}

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  // A real deploy without its settings stops here, before building or anything touching the network.
  const missingAtStart = dryRun ? [] : missingSettings();
  if (missingAtStart.length) {
    console.error(
      `deploy: 缺少部署所需的信息（未做任何网络请求）：\n${missingAtStart.map((item) => `  - ${item}`).join('\n')}`,
    );
    return 1;
  }
  await packMiniprogramNpm();
  await buildFunctions();

  const compiled = await checkMiniprogram(PROJECT_ROOT);
  if (!compiled.ok) {
    console.error(`deploy: 小程序编译检查失败\n${compiled.message}`);
    return 1;
  }
  const oversized = compiled.packages.filter((pkg) => pkg.bytes > PACKAGE_LIMIT_BYTES);
  for (const pkg of compiled.packages) console.log(`deploy: 包 ${pkg.name} ${kb(pkg.bytes)}`);
  if (oversized.length) {
    console.error(`deploy: 超过 2 MB 的包：${oversized.map((pkg) => pkg.name).join('、')}`);
    return 1;
  }

  const { plan, errors } = planDeploy({
    projectRoot: PROJECT_ROOT,
    functionsDir: FUNCTIONS_DIST_DIR,
    env: process.env,
  });
  for (const fn of plan.functions) console.log(`deploy: 云函数 ${fn.name} ${kb(fn.bytes)}`);
  errors.push(...declarationProblems(DATABASE).map((problem) => `core/database/collections.ts：${problem}`));
  console.log('deploy: 数据库（core/database/collections.ts），缺少的才创建，从不删除：');
  for (const step of planDatabase(DATABASE)) console.log(`deploy:   ${describeStep(step)}`);
  const database = readDatabaseSettings(process.env);
  const missing = missingSettings();
  if (database.settings && plan.cloudEnvId && database.settings.envId !== plan.cloudEnvId) {
    errors.push(`TCB_ENV（${database.settings.envId}）与 TCB_ENV_ID（${plan.cloudEnvId}）不是同一个环境`);
  }
  const list = (items: string[]): string => items.map((item) => `  - ${item}`).join('\n');
  if (errors.length) {
    console.error(`deploy: 项目有问题，无法部署：\n${list(errors)}`);
    return 1;
  }
  if (dryRun) {
    console.log(
      missing.length
        ? `deploy --dry-run: 离线检查全部通过；真正部署前还需提供：\n${list(missing)}`
        : `deploy --dry-run: 全部就绪，将上传到环境 ${plan.cloudEnvId}（AppID ${plan.appid}）。`,
    );
    return 0;
  }
  if (missing.length) {
    console.error(`deploy: 缺少部署所需的信息：\n${list(missing)}`);
    return 1;
  }
  // Every setting is present (checked above, before any network call): the database first, since the
  // functions read collections that must exist.
  await deployDatabase(database.settings!);
  await inScratchDirectory(() => upload(plan));
  return 0;
}

main().then(
  // miniprogram-ci keeps a compiler child process alive: exit explicitly.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('deploy: 失败', error);
    process.exit(1);
  },
);
