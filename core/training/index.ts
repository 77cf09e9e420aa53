export { trainingActions } from './actions';
export { normalizeMaterial, normalizeSession, normalizeTraining, withDownloadUrl, fileTypeOf } from './documents';
export { partOfDayAt } from '../../miniprogram/lib/session-clock';
export { buildOverview, materialsOfSession, pickTraining, compareWithinDay, compareUnscheduled } from './schedule';
export { TrainingRepository } from './repository';
export { CloudFileAddresses, type FileAddresses } from './file-addresses';
