/**
 * Proves each failure mode of the offline compile check on a broken copy of the project, and
 * that an untouched copy passes. The CLI runs as a child process (as `npm run check:mp` does):
 * miniprogram-ci keeps a compiler process alive that would hold jest open.
 * The copies compile concurrently; each takes 10–20 s.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyProject, REPO_ROOT } from './temp-project';
import type { TempProject } from './temp-project';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CHECK = path.join(REPO_ROOT, 'scripts', 'check-miniprogram.ts');

interface Outcome {
  code: number;
  output: string;
}

async function checkMp(project: TempProject): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(TSX, [CHECK, '--project', project.root], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout}\n${failed.stderr}` };
  }
}

async function tsc(project: TempProject): Promise<Outcome> {
  try {
    const { stdout } = await run(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], {
      cwd: project.root,
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: failed.stdout ?? '' };
  }
}

const projects: TempProject[] = [];
function project(): TempProject {
  const copy = copyProject({ withNpm: true });
  projects.push(copy);
  return copy;
}

const untouched = project();

const missingPage = project();
missingPage.edit('app.json', (json) => {
  const app = JSON.parse(json) as { pages: string[] };
  app.pages.push('pages/ghost/index');
  return JSON.stringify(app, null, 2);
});

const brokenJson = project();
brokenJson.edit('reading/article/index.json', (json) => json.replace('"usingComponents"', '"usingComponents" oops'));

const unresolved = project();
unresolved.edit('pages/home/index.json', (json) =>
  json.replace('/components/state-view/index', '/components/no-such-component/index'),
);

const outcomes = Promise.all([untouched, missingPage, brokenJson, unresolved].map(checkMp));

afterAll(() => {
  for (const copy of projects) copy.remove();
});

describe('check:mp (miniprogram-ci getCompiledResult, offline)', () => {
  test('an untouched copy compiles and reports package sizes', async () => {
    const [ok] = await outcomes;
    expect(ok?.output).toMatch(/主包 [\d.]+ KB/);
    expect(ok?.output).toMatch(/分包 reading [\d.]+ KB/);
    expect(ok?.code).toBe(0);
  }, 180_000);

  test('a page listed in app.json with no files fails', async () => {
    const [, outcome] = await outcomes;
    expect(outcome?.code).toBe(1);
    expect(outcome?.output).toContain('pages/ghost/index');
  }, 180_000);

  test('a page json that is not valid JSON fails', async () => {
    const [, , outcome] = await outcomes;
    expect(outcome?.code).toBe(1);
    expect(outcome?.output).toContain('reading/article/index.json');
  }, 180_000);

  test('a usingComponents path that resolves to nothing fails', async () => {
    const [, , , outcome] = await outcomes;
    expect(outcome?.code).toBe(1);
    expect(outcome?.output).toContain('no-such-component');
  }, 180_000);
});

describe('typecheck (tsc -p tsconfig.json) catches what the compile check does not', () => {
  test('a type error in a service fails tsc on a copy of the tree', async () => {
    const broken = project();
    broken.edit('services/articles.ts', (ts) => `${ts}\nexport const wrong: number = 'not a number';\n`);
    const outcome = await tsc(broken);
    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toMatch(/miniprogram\/services\/articles\.ts\(\d+,\d+\): error TS2322/);
  }, 180_000);
});
