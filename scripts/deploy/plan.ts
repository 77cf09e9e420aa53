/**
 * What a deploy would do, worked out offline: which credentials are present, which function bundles exist and
 * are complete, whether the mini-program points at the same CloudBase environment. No network here: a plan
 * with problems is refused before anything talks to WeChat.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface DeployInputs {
  projectRoot: string;
  /** Built function bundles, dist/functions/<name>/. */
  functionsDir: string;
  env: NodeJS.ProcessEnv;
}

export interface DeployPlan {
  appid: string;
  privateKeyPath: string;
  cloudEnvId: string;
  version: string;
  description: string;
  functions: Array<{ name: string; dir: string; bytes: number }>;
}

export interface PlanResult {
  plan: DeployPlan;
  /** What only the person deploying can supply (credentials, the environment id): a dry run lists them. */
  missing: string[];
  /** What is wrong with the project itself: fails a dry run too. */
  errors: string[];
}

/** The environment variables a real deploy needs; documented in docs/deploy.md. */
export const DEPLOY_VARIABLES = {
  appid: 'WX_APPID',
  privateKeyPath: 'WX_PRIVATE_KEY_PATH',
  cloudEnvId: 'TCB_ENV_ID',
  version: 'DEPLOY_VERSION',
  description: 'DEPLOY_DESC',
} as const;

/** The value miniprogram/config/index.ts ships with. */
export const PLACEHOLDER_ENV_ID = 'your-cloudbase-env-id';

const BUNDLE_FILES = ['index.js', 'package.json', 'config.json'];

export function planDeploy({ projectRoot, functionsDir, env }: DeployInputs): PlanResult {
  const missing: string[] = [];
  const errors: string[] = [];
  const required = (key: keyof typeof DEPLOY_VARIABLES, what: string): string => {
    const value = env[DEPLOY_VARIABLES[key]]?.trim() ?? '';
    if (!value) missing.push(`缺少环境变量 ${DEPLOY_VARIABLES[key]}（${what}）`);
    return value;
  };

  const appid = required('appid', '小程序 AppID');
  const privateKeyPath = required('privateKeyPath', '小程序代码上传密钥文件路径');
  const cloudEnvId = required('cloudEnvId', '云开发环境 ID');
  if (privateKeyPath && !existsSync(privateKeyPath)) missing.push(`找不到上传密钥文件：${privateKeyPath}`);

  const clientEnvId = readClientEnvId(projectRoot);
  if (!clientEnvId || clientEnvId === PLACEHOLDER_ENV_ID) {
    missing.push('miniprogram/config/index.ts 中的 CLOUD_ENV_ID 仍是占位符，请填入云开发环境 ID');
  } else if (cloudEnvId && clientEnvId !== cloudEnvId) {
    errors.push(
      `小程序配置的云环境（miniprogram/config/index.ts 中 CLOUD_ENV_ID = "${clientEnvId ?? '未找到'}"）与部署目标 ${cloudEnvId} 不一致`,
    );
  }

  const functions = listBundles(functionsDir, errors);
  const version = env[DEPLOY_VARIABLES.version]?.trim() || readPackageVersion(projectRoot);
  const description = env[DEPLOY_VARIABLES.description]?.trim() || `履职学堂 ${version}`;
  const plan: DeployPlan = { appid, privateKeyPath, cloudEnvId, version, description, functions };
  return { plan, missing, errors };
}

function listBundles(functionsDir: string, problems: string[]): DeployPlan['functions'] {
  if (!existsSync(functionsDir)) {
    problems.push(`没有找到云函数构建产物 ${functionsDir}，请先运行 npm run build`);
    return [];
  }
  const names = readdirSync(functionsDir, { withFileTypes: true })
    // A hidden folder is a bundle still being built (scripts/publish-bundle.ts), never a function.
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) problems.push(`${functionsDir} 中没有云函数`);
  return names.map((name) => {
    const dir = path.join(functionsDir, name);
    const missing = BUNDLE_FILES.filter((file) => !existsSync(path.join(dir, file)));
    if (missing.length) problems.push(`云函数 ${name} 缺少 ${missing.join('、')}`);
    const bytes = BUNDLE_FILES.filter((file) => !missing.includes(file)).reduce(
      (sum, file) => sum + readFileSync(path.join(dir, file)).length,
      0,
    );
    return { name, dir, bytes };
  });
}

/** The env id compiled into the client; read as text so this script never loads client code. */
export function readClientEnvId(projectRoot: string): string | null {
  try {
    const source = readFileSync(path.join(projectRoot, 'miniprogram', 'config', 'index.ts'), 'utf8');
    return /CLOUD_ENV_ID\s*=\s*['"]([^'"]*)['"]/.exec(source)?.[1] ?? null;
  } catch {
    return null;
  }
}

function readPackageVersion(projectRoot: string): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
