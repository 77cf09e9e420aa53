import { useE2E } from '../support/e2e';
import { enrolPreviewIdentities, reflectionJourneyFlow } from './flows/reflections';

describe('研讨心得', () => {
  const e2e = useE2E();
  beforeAll(async () => {
    await enrolPreviewIdentities(e2e.stack().db);
  });
  e2e.flow(
    '第3组学员写到一半离开，回来接着写并提交；组长通过并推荐；第5组学员在优秀心得里看到',
    reflectionJourneyFlow,
    90_000,
  );
});
