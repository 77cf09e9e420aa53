// What goes into a function bundle. No code of the local stack, the scripts or the tests: read in each bundle's
// esbuild metafile (dist/meta/<name>.json, written by `npm run build`), for every function under cloudfunctions/.
// And what is left out (scripts/bundle-replacements.ts) fails loudly when touched.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { LEFT_OUT, leftOutMessage } from '../../scripts/bundle-replacements';
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

  it('a left-out module throws its message when used, and logs it (SDK code may swallow the error)', async () => {
    const jsonwebtoken = LEFT_OUT.find((module) => module.request === 'jsonwebtoken');
    if (!jsonwebtoken) throw new Error('jsonwebtoken is no longer left out: pick another module for this test');
    const probe = await build({
      ...functionBuildOptions(),
      write: false,
      outfile: path.join(PROJECT_ROOT, 'dist', 'probe', 'index.js'),
      stdin: {
        contents: "import jwt from 'jsonwebtoken';\nexport const sign = () => jwt.sign({ a: 1 }, 'key');\n",
        resolveDir: path.join(PROJECT_ROOT, 'core', 'runtime'),
        sourcefile: 'core/runtime/probe.ts',
        loader: 'ts',
      },
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-stub-'));
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const file = path.join(dir, 'index.js');
      writeFileSync(file, probe.outputFiles.find((output) => output.path.endsWith('.js'))?.text ?? '');
      const { sign } = createRequire(__filename)(file) as { sign: () => string };
      expect(sign).toThrow(leftOutMessage(jsonwebtoken));
      expect(sign).toThrow(leftOutMessage(jsonwebtoken));
      expect(errorLog).toHaveBeenCalledTimes(1);
      expect(String(errorLog.mock.calls[0][0])).toContain(leftOutMessage(jsonwebtoken));
    } finally {
      errorLog.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
