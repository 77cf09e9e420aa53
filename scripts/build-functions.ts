/**
 * Bundle every cloud function: cloudfunctions/<name>/index.ts -> dist/functions/<name>/{index.js, index.js.map, config.json,
 * package.json} (the map is read only when an INTERNAL is logged: core/runtime/readable-stack.ts).
 * Adding a function is "a folder": any cloudfunctions/<name>/ with an index.ts is picked up.
 *
 * Target node16: CloudBase offers Nodejs 10.15 / 12.16 / 16.13 / 18.15 runtimes; deploy the functions on
 * Nodejs16.13 or newer (node-sdk 3 needs 12+, and 16 gives us native optional chaining and crypto.randomUUID).
 * Each bundle carries its dependencies, so the deployed package.json has none: nothing to npm install in the cloud —
 * except what a function's own package.json declares under `dependencies`: those stay out of the bundle
 * (external) and in the deployed package.json, for the cloud to install (reflections: wx-server-sdk, 44 MB,
 * loaded only by its WeChat content check).
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleReplacements } from './bundle-replacements';
import { publishBundle, stagingDirOf } from './publish-bundle';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_SOURCE_DIR = path.join(PROJECT_ROOT, 'cloudfunctions');
export const FUNCTIONS_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'functions');
/** esbuild metafiles, kept out of the deployable folders (inspect with `npx esbuild --analyze` or esbuild.github.io/analyze). */
export const FUNCTIONS_META_DIR = path.join(PROJECT_ROOT, 'dist', 'meta');

export const FUNCTION_NODE_TARGET = 'node16';

/** Names of the folders under cloudfunctions/ that hold a function (an index.ts). */
export function listFunctionNames(sourceDir: string = FUNCTIONS_SOURCE_DIR): string[] {
  if (!existsSync(sourceDir)) return [];
  return readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(sourceDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

export interface BuiltFunction {
  name: string;
  outDir: string;
  metafile: Metafile;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LOCAL_ONLY_FOLDERS } = require('./lint/boundaries') as { LOCAL_ONLY_FOLDERS: string[] };

/** Inputs of a bundle that come from the local stack, the scripts or the tests (project-relative paths). */
export function localOnlyInputsOf(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter((input) =>
    LOCAL_ONLY_FOLDERS.some((folder) => input.startsWith(`${folder}/`)),
  );
}

/** How every function is bundled (the bundle test builds probes with the same options). */
export function functionBuildOptions(): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: 'node',
    target: FUNCTION_NODE_TARGET,
    format: 'cjs',
    minify: true,
    // Licence notices of the bundled packages go beside the bundle instead of inflating it.
    legalComments: 'external',
    // A map beside the bundle (without the sources: a stack needs only files and lines), read by
    // core/runtime/readable-stack.ts when an INTERNAL is logged, so the log names the .ts file and line
    // instead of column 80,000 of line 1. No sourceMappingURL comment: nothing loads the map at start.
    sourcemap: 'external',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [bundleReplacements(PROJECT_ROOT)],
  };
}

/**
 * Bundles `entry` into `outDir` as a function is deployed: index.js and its source map index.js.map.
 * `external`: packages the cloud installs for this function instead (its own package.json dependencies).
 */
export async function bundleFunction(entry: string, outDir: string, external: string[] = []): Promise<Metafile> {
  const result = await build({
    ...functionBuildOptions(),
    entryPoints: [entry],
    outfile: path.join(outDir, 'index.js'),
    external,
  });
  // Sources named from the project root (core/runtime/define-function.ts), wherever the bundle is deployed.
  const mapFile = path.join(outDir, 'index.js.map');
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
  map.sources = map.sources.map((source) =>
    path.relative(PROJECT_ROOT, path.resolve(outDir, source)).split(path.sep).join('/'),
  );
  writeFileSync(mapFile, JSON.stringify(map));
  return result.metafile;
}

async function buildOne(name: string): Promise<BuiltFunction> {
  const sourceDir = path.join(FUNCTIONS_SOURCE_DIR, name);
  const outDir = path.join(FUNCTIONS_DIST_DIR, name);
  // Built aside, then published file by file (publish-bundle.ts): a running host never misses the bundle.
  const stagingDir = stagingDirOf(outDir);
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  const sourcePackage = existsSync(path.join(sourceDir, 'package.json'))
    ? (JSON.parse(readFileSync(path.join(sourceDir, 'package.json'), 'utf8')) as Record<string, unknown>)
    : {};
  const cloudDependencies = (sourcePackage.dependencies ?? {}) as Record<string, string>;

  const metafile = await bundleFunction(path.join(sourceDir, 'index.ts'), stagingDir, Object.keys(cloudDependencies));
  // Lint keeps the sources inside their boundaries; this holds the artefact itself to the same rule.
  const localInputs = localOnlyInputsOf(metafile);
  if (localInputs.length > 0) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw new Error(
      `函数 ${name} 的包里混进了本地代码（${LOCAL_ONLY_FOLDERS.join('/、')}/）：${localInputs.join(', ')}`,
    );
  }

  const config = path.join(sourceDir, 'config.json');
  writeFileSync(
    path.join(stagingDir, 'config.json'),
    existsSync(config) ? readFileSync(config) : '{\n  "permissions": { "openapi": [] }\n}\n',
  );
  const deployedPackage = {
    ...sourcePackage,
    name: sourcePackage.name ?? name,
    main: 'index.js',
    dependencies: cloudDependencies,
  };
  writeFileSync(path.join(stagingDir, 'package.json'), `${JSON.stringify(deployedPackage, null, 2)}\n`);
  publishBundle(stagingDir, outDir);

  mkdirSync(FUNCTIONS_META_DIR, { recursive: true });
  writeFileSync(path.join(FUNCTIONS_META_DIR, `${name}.json`), JSON.stringify(metafile));
  return { name, outDir, metafile };
}

export async function buildFunctions(): Promise<BuiltFunction[]> {
  const names = listFunctionNames();
  const built: BuiltFunction[] = [];
  for (const name of names) built.push(await buildOne(name));
  // Drop bundles of functions whose folder was removed, so the host does not serve ghosts.
  if (existsSync(FUNCTIONS_DIST_DIR)) {
    for (const entry of readdirSync(FUNCTIONS_DIST_DIR)) {
      if (!names.includes(entry)) rmSync(path.join(FUNCTIONS_DIST_DIR, entry), { recursive: true, force: true });
    }
  }
  console.log(`functions built: ${names.join(', ') || '(none)'} -> ${path.relative(PROJECT_ROOT, FUNCTIONS_DIST_DIR)}`);
  return built;
}

if (require.main === module) {
  buildFunctions().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
