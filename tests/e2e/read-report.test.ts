import { useE2E } from '../support/e2e';
import { readReportFlow } from './flows/read-report';

describe('阅读报道', () => {
  const e2e = useE2E();
  e2e.flow('新访客从首页打开报道，读到小标题、引语和图片说明，再返回首页', readReportFlow);
});
