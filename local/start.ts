/**
 * `npm start`: the whole local stack in one process.
 *   1. build (the same pieces as `npm run build`: miniprogram_npm + function bundles)
 *   2. the CloudBase emulator on 127.0.0.1:EMULATOR_PORT (default PORT+1), data in DATA_DIR (default .data/)
 *   3. the seed, imported through node-sdk when missing
 *   4. the functions host on 127.0.0.1:PORT (default 3000), which also serves the browser preview
 * Ctrl-C / SIGTERM stops both servers and closes the emulator's journals (each write is already on disk).
 */
import path from 'node:path';
import { localStackPorts } from './ports';
import { startLocalStack } from './stack';
import { buildFunctions } from '../scripts/build-functions';
import { packMiniprogramNpm } from '../scripts/build-miniprogram-npm';

const PROJECT_ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const { port, emulatorPort } = localStackPorts();
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'));

  await packMiniprogramNpm();
  await buildFunctions();

  const stack = await startLocalStack({ port, emulatorPort, dataDir, projectRoot: PROJECT_ROOT });
  if (stack.seeded.inserted.length > 0) console.log(`seed: imported ${stack.seeded.inserted.join(', ')}`);

  console.log(
    [
      '',
      `  preview    ${stack.url}/`,
      `  functions  ${stack.url}/functions/<name>   (POST, body = event JSON; header x-wx-openid simulates a user)`,
      `  emulator   ${stack.emulatorUrl}   data: ${dataDir}`,
      '',
      `  try: curl -s -XPOST ${stack.url}/functions/articles -H 'content-type: application/json' -d '{"action":"list"}'`,
      '  Ctrl-C to stop',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.log('forced exit');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
