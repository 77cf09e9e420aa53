// No code of the local stack, the scripts or the tests ships in a function: read in each bundle's esbuild
// metafile (dist/meta/<name>.json, written by `npm run build`), for every function under cloudfunctions/.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FUNCTIONS_META_DIR,
  functionBuildOptions,
  listFunctionNames,
  localOnlyInputsOf,
  PROJECT_ROOT,
} from '../../scripts/build-functions';
import type { Metafile } from 'esbuild';

describe('function bundle inputs', () => {
  it.each(listFunctionNames())('%s: nothing from local/, scripts/ or tests/', (name) => {
    const file = path.join(FUNCTIONS_META_DIR, `${name}.json`);
    expect(existsSync(file)).toBe(true);
    const metafile = JSON.parse(readFileSync(file, 'utf8')) as Metafile;
    expect(Object.keys(metafile.inputs)).toContain(`cloudfunctions/${name}/index.ts`);
    expect(localOnlyInputsOf(metafile)).toEqual([]);
  });

  it('catches a core file that imports the local stack (a probe built in memory, as a function would be)', async () => {
    const probe = await build({
      ...functionBuildOptions(),
      write: false,
      outfile: path.join(PROJECT_ROOT, 'dist', 'probe', 'index.js'),
      stdin: {
        contents: "export { createLocalCloudApp } from '../../local/emulator/client';\n",
        resolveDir: path.join(PROJECT_ROOT, 'core', 'runtime'),
        sourcefile: 'core/runtime/probe.ts',
        loader: 'ts',
      },
    });
    expect(localOnlyInputsOf(probe.metafile)).toEqual(
      expect.arrayContaining(['local/emulator/client.ts', 'local/emulator/local-env.ts']),
    );
  });
});
