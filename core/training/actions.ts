/** The `training` function's actions, checked against TrainingActions by defineFunction's type. */
import type { TrainingActions } from '../../miniprogram/contracts/training';
import { getDatabase } from '../runtime/cloud';
import type { ActionDefinitions } from '../runtime/define-function';
import { CloudFileAddresses } from './file-addresses';
import { TrainingRepository } from './repository';
import { materialsSchema, overviewSchema, sessionSchema } from './schemas';
import { materials, overview, session, type TrainingDeps } from './use-cases';

function deps(): TrainingDeps {
  return { repository: new TrainingRepository(getDatabase()), files: new CloudFileAddresses() };
}

export const trainingActions: ActionDefinitions<TrainingActions> = {
  overview: { access: 'content.read', schema: overviewSchema, handler: () => overview(deps()) },
  session: { access: 'content.read', schema: sessionSchema, handler: (input) => session(deps(), input) },
  materials: { access: 'content.read', schema: materialsSchema, handler: (input) => materials(deps(), input) },
};
