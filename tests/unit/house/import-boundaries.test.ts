// The import boundaries (scripts/lint/boundaries.js) as ESLint enforces them with the project's own config:
// fixture text linted as if it were a file at the given path (nothing is written to the tree).
import { ESLint } from 'eslint';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
// The project's config, handed over as an object: ESLint's own loader uses import(), which jest's VM refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const projectConfig = require('../../../eslint.config.js') as ESLint.Options['overrideConfig'];
const eslint = new ESLint({ cwd: PROJECT_ROOT, overrideConfigFile: true, overrideConfig: projectConfig });

/** The boundary messages ESLint gives `code` as the file `file` (a path inside the project). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, file) });
  return result.messages
    .filter((message) => message.ruleId === 'house/import-boundaries')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it('a client file may not import core/', async () => {
    const errors = await boundaryErrors(
      'miniprogram/pages/home/probe.ts',
      "import { AppError } from '../../../core/runtime/errors';\nexport const made = new AppError('NOT_FOUND', '无');\n",
    );
    expect(errors).toEqual([expect.stringContaining('may not import core/runtime/errors')]);
  });

  it('a client file may import from anywhere under miniprogram/, and types from anywhere', async () => {
    const code = [
      "import { articlePage } from '../../shell/routes';",
      "import type { Principal } from '../../../core/access/principal';",
      "import { type AppError } from '../../../core/runtime/errors';",
      'export const probe = (p: Principal, e: AppError) => [articlePage, p, e];',
    ].join('\n');
    expect(await boundaryErrors('miniprogram/pages/home/probe.ts', `${code}\n`)).toEqual([]);
  });

  it('a server file may not import a client folder that is not shared', async () => {
    const errors = await boundaryErrors(
      'core/articles/probe.ts',
      "import { articlePage } from '../../miniprogram/shell/routes';\nexport const probe = articlePage;\n",
    );
    expect(errors).toEqual([expect.stringContaining('may not import miniprogram/shell/routes')]);
  });

  it('a server file may import the shared client folders', async () => {
    const code = [
      "import { ERROR_CODES } from '../../miniprogram/contracts/envelope';",
      "import { isCalendarDate } from '../../miniprogram/lib/datetime';",
      'export const probe = [ERROR_CODES, isCalendarDate];',
    ].join('\n');
    expect(await boundaryErrors('core/articles/probe.ts', `${code}\n`)).toEqual([]);
  });

  it.each([
    ['core/runtime/probe.ts', "export { createLocalCloudApp } from '../../local/emulator/client';"],
    ['cloudfunctions/articles/probe.ts', "export { buildFunctions } from '../../scripts/build-functions';"],
    ['core/runtime/probe.ts', "export const probe = require('../../tests/support/functions');"],
    ['cloudfunctions/articles/probe.ts', "export const probe = () => import('../../local/seed');"],
  ])('%s may not reach the local stack, scripts or tests: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\n`)).toEqual([expect.stringContaining('may not import')]);
  });

  it('the local stack may use anything', async () => {
    const code =
      "export { getDatabase } from '../core/runtime/cloud';\nexport { HOME_PAGE } from '../miniprogram/shell/routes';\n";
    expect(await boundaryErrors('local/probe.ts', code)).toEqual([]);
  });
});
