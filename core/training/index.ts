export { trainingActions } from './actions';
export {
  normalizeMaterial,
  normalizeSession,
  normalizeTraining,
  withDownloadUrl,
  fileTypeOf,
  partOfDayAt,
} from './documents';
export { buildOverview, materialsOfSession, pickTraining, compareWithinDay, compareUnscheduled } from './schedule';
export { TrainingRepository } from './repository';
export { CloudFileAddresses, type FileAddresses } from './file-addresses';
