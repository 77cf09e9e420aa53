/**
 * Running a cloud function's main() in a test against a fresh emulator, as the function runs in
 * the cloud: through the real node-sdk, pointed at the emulator by the environment (localCloudEnvironment).
 */
import type { Envelope } from '../../miniprogram/contracts/envelope';
import { useLocalCloudEnvironment } from '../../local/emulator/client';
import { startTestEmulator, type TestEmulator } from './emulator';

/**
 * A fresh emulator that the functions' cloud app talks to: the environment points at it
 * (localCloudEnvironment; core/runtime/cloud.ts makes a new app when the settings change); close() undoes it.
 */
export async function startEmulatorForFunctions(): Promise<TestEmulator> {
  const emulator = await startTestEmulator();
  const restoreEnvironment = useLocalCloudEnvironment(emulator.url);
  return {
    ...emulator,
    async close() {
      restoreEnvironment();
      await emulator.close();
    },
  };
}

/** The data of an ok answer; a failed one throws with its code and message, so the test shows the function's own words. */
export function dataOf<T>(answer: unknown): T {
  const envelope = answer as Envelope<T>;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}
