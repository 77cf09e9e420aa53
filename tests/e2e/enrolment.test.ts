import { useE2E } from '../support/e2e';
import { enrolmentFlow } from './flows/enrolment';

describe('报名', () => {
  const e2e = useE2E();
  e2e.flow('新访客同意隐私保护指引后报名，口令填错时提示在口令下方，改对后在“我的”看到第 3 组', enrolmentFlow);
});
