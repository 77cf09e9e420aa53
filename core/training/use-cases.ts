/** What the `training` actions do, independent of how they are invoked. */
import {
  TRAINING_MESSAGES,
  type MaterialView,
  type MaterialsRequest,
  type MaterialsResponse,
  type OverviewResponse,
  type SessionRequest,
  type SessionResponse,
} from '../../miniprogram/contracts/training';
import { AppError } from '../runtime/errors';
import { withDownloadUrl } from './read-stored';
import type { FileAddresses } from './file-addresses';
import type { TrainingRepository } from './repository';
import { buildOverview, compareMaterials, materialsOfSession, pickTraining } from './schedule';

export interface TrainingDeps {
  repository: TrainingRepository;
  files: FileAddresses;
}

export async function overview({ repository }: TrainingDeps): Promise<OverviewResponse> {
  const [trainings, sessions] = await Promise.all([repository.trainings(), repository.sessions()]);
  return buildOverview(pickTraining(trainings), sessions);
}

async function withDownloadUrls(files: FileAddresses, materials: MaterialView[]): Promise<MaterialView[]> {
  const fileIds = materials.flatMap((material) => (material.fileId === null ? [] : [material.fileId]));
  const addresses = fileIds.length === 0 ? new Map<string, string>() : await files.downloadUrls(fileIds);
  return materials.map((material) =>
    withDownloadUrl(material, material.fileId === null ? null : (addresses.get(material.fileId) ?? null)),
  );
}

export async function session({ repository, files }: TrainingDeps, request: SessionRequest): Promise<SessionResponse> {
  const found = await repository.sessionById(request.id);
  if (found === null) throw new AppError('NOT_FOUND', TRAINING_MESSAGES.sessionNotFound);
  const materials = await repository.materials({ sessionId: found.id, materialIds: found.materialIds });
  return { session: found, materials: await withDownloadUrls(files, materialsOfSession(found, materials)) };
}

export async function materials(
  { repository, files }: TrainingDeps,
  request: MaterialsRequest,
): Promise<MaterialsResponse> {
  const sessions = await repository.sessions();
  let items: MaterialView[];
  if (request.sessionId !== undefined) {
    const owner = sessions.find((candidate) => candidate.id === request.sessionId);
    if (owner === undefined) throw new AppError('NOT_FOUND', TRAINING_MESSAGES.sessionNotFound);
    items = materialsOfSession(
      owner,
      await repository.materials({ sessionId: owner.id, materialIds: owner.materialIds }),
    );
  } else {
    items = (await repository.materials()).sort(compareMaterials);
  }
  if (request.kind !== undefined) items = items.filter((material) => material.kind === request.kind);
  const sessionTitles: Record<string, string> = {};
  for (const item of sessions) sessionTitles[item.id] = item.title;
  return { items: await withDownloadUrls(files, items), sessionTitles };
}
