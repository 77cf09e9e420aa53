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

const CLIENT = 'miniprogram/pages/home/probe.ts';
const SERVER = 'core/articles/probe.ts';

describe('import boundaries', () => {
  it.each([
    [
      'a client file may not import core/',
      CLIENT,
      "import { AppError } from '../../../core/runtime/errors';",
      'core/runtime/errors',
    ],
    [
      'a server file may not import a client folder that is not shared',
      SERVER,
      "import { articlePage } from '../../miniprogram/shell/routes';",
      'miniprogram/shell/routes',
    ],
    [
      'core/ may not reach the local stack',
      'core/runtime/probe.ts',
      "export { createLocalCloudApp } from '../../local/emulator/client';",
      'local/emulator/client',
    ],
    [
      'a function may not reach the scripts',
      'cloudfunctions/articles/probe.ts',
      "export { buildFunctions } from '../../scripts/build-functions';",
      'scripts/build-functions',
    ],
    [
      'require() is checked too',
      'core/runtime/probe.ts',
      "export const probe = require('../../tests/support/functions');",
      'tests/support/functions',
    ],
    [
      'import() is checked too',
      'cloudfunctions/articles/probe.ts',
      "export const probe = () => import('../../local/seed');",
      'local/seed',
    ],
  ])('%s', async (_case, file, code, target) => {
    expect(await boundaryErrors(file, `${code}\n`)).toEqual([expect.stringContaining(`may not import ${target}`)]);
  });

  it.each([
    [
      'a client file may import anything under miniprogram/, and types from anywhere',
      CLIENT,
      [
        "import { articlePage } from '../../shell/routes';",
        "import type { Principal } from '../../../core/access/principal';",
        "import { type AppError } from '../../../core/runtime/errors';",
        'export const probe = (p: Principal, e: AppError) => [articlePage, p, e];',
      ],
    ],
    [
      'a server file may import the shared client folders',
      SERVER,
      [
        "import { ERROR_CODES } from '../../miniprogram/contracts/envelope';",
        "import { isCalendarDate } from '../../miniprogram/lib/datetime';",
        'export const probe = [ERROR_CODES, isCalendarDate];',
      ],
    ],
    [
      'the local stack may use anything',
      'local/probe.ts',
      [
        "export { getDatabase } from '../core/runtime/cloud';",
        "export { HOME_PAGE } from '../miniprogram/shell/routes';",
      ],
    ],
  ])('%s', async (_case, file, lines) => {
    expect(await boundaryErrors(file, `${lines.join('\n')}\n`)).toEqual([]);
  });
});
