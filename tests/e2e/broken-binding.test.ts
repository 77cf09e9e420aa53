/**
 * The end-to-end tests must notice a broken page: here the preview serves a copy of
 * miniprogram/ in which the article blocks' heading binding is misspelt ({{item.text}} ->
 * {{item.txt}}), so the report renders without its section headings — and the reading flow
 * that passes against the real pages has to fail against this copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyMiniprogram, useE2E } from '../support/e2e';
import { readReportFlow } from './flows/read-report';

const BROKEN_FILE = 'components/article-blocks/index.wxml';
const GOOD_BINDING = '<text class="block-heading__text" user-select>{{item.text}}</text>';
const BROKEN_BINDING = '<text class="block-heading__text" user-select>{{item.txt}}</text>';

const copy = copyMiniprogram();
const file = path.join(copy.miniprogramRoot, BROKEN_FILE);
const original = fs.readFileSync(file, 'utf8');
if (!original.includes(GOOD_BINDING)) {
  throw new Error(`${BROKEN_FILE} 里找不到要改坏的绑定 ${GOOD_BINDING}：请更新这个测试`);
}
fs.writeFileSync(file, original.replace(GOOD_BINDING, BROKEN_BINDING));

describe('改坏一个 WXML 绑定', () => {
  const e2e = useE2E({ previewProjectRoot: copy.projectRoot });
  afterAll(() => copy.remove());

  test('阅读报道的流程在改坏的页面上失败，并指出看不到的小标题', async () => {
    await expect(e2e.runFlow(readReportFlow, 'broken-binding-expected-failure')).rejects.toThrow(/精准选课/);
  }, 90_000);
});
