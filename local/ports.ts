/**
 * Where the local stack listens, from the environment, with the defaults `npm start` uses: PORT (3000) for the
 * functions host and preview, EMULATOR_PORT (PORT+1) for the emulator. Tools that talk to a running stack
 * (scripts/publish.ts) find it the same way.
 */
function portFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} 应为 1–65535 的端口号：${value}`);
  return port;
}

export function localStackPorts(env: NodeJS.ProcessEnv = process.env): { port: number; emulatorPort: number } {
  const port = portFrom(env.PORT, 3000, 'PORT');
  return { port, emulatorPort: portFrom(env.EMULATOR_PORT, port + 1, 'EMULATOR_PORT') };
}
