/**
 * `npm run deploy`: upload the mini-program and every cloud function with miniprogram-ci.
 * `npm run deploy -- --dry-run`: everything that can be checked offline — build, compile check, package sizes,
 * bundles, credentials present, client and functions aimed at the same environment — then stop before the
 * first request to WeChat. Credentials and steps: docs/deploy.md.
 */
import * as ci from 'miniprogram-ci';
import { buildFunctions, FUNCTIONS_DIST_DIR, PROJECT_ROOT } from './build-functions';
import { packMiniprogramNpm } from './build-miniprogram-npm';
import { checkMiniprogram, PACKAGE_LIMIT_BYTES } from './check-miniprogram';
import { inScratchDirectory } from './miniprogram-ci-scratch';
import { planDeploy, type DeployPlan } from './deploy/plan';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

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
      remoteNpmInstall: false,
    });
  }
  console.log(`deploy: 上传小程序 ${plan.version} …`);
  await ci.upload({ project, version: plan.version, desc: plan.description, setting: { es6: true, minify: true } });
  console.log('deploy: 完成。请在微信公众平台提交审核。');
}

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
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

  const { plan, missing, errors } = planDeploy({
    projectRoot: PROJECT_ROOT,
    functionsDir: FUNCTIONS_DIST_DIR,
    env: process.env,
  });
  for (const fn of plan.functions) console.log(`deploy: 云函数 ${fn.name} ${kb(fn.bytes)}`);
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
