// Jest setup (node projects): the functions' runtime reads its node-sdk settings from the environment
// (core/runtime/cloud.ts). Every setting of the local stack but the emulator's address is fixed, so set
// them once here; a test that starts an emulator adds TCB_SERVICE_URL (startEmulatorForFunctions does).
import { localCloudEnvironment } from '../../local/emulator/client';

Object.assign(process.env, localCloudEnvironment());
