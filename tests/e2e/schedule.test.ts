import { useE2E } from '../support/e2e';
import { scheduleLectureNoteFlow } from './flows/training';

describe('日程与课程资料', () => {
  const e2e = useE2E();
  e2e.flow('新访客打开日程、一堂专题讲座和它的学习笔记，再一步步返回', scheduleLectureNoteFlow);
});
