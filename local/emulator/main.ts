// CLI: `tsx local/emulator/main.ts --data DIR [--port N]`.
// Prints exactly one line `EMULATOR_READY <serviceUrl>` once listening; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string', default: '0' } },
  });
  if (!values.data) {
    console.error('用法：tsx local/emulator/main.ts --data <数据目录> [--port <端口>]');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${values.port}`);
    process.exit(2);
  }
  const emulator = await startEmulator({ dataDir: values.data, port });
  process.stdout.write(`EMULATOR_READY ${emulator.url}\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[emulator] 启动失败：', error);
  process.exit(1);
});
