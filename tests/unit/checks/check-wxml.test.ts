import { checkWxml, formatWxmlProblem } from '../../../scripts/check-wxml';
import { copyProject } from './temp-project';
import type { TempProject } from './temp-project';

describe('check:wxml', () => {
  let project: TempProject;
  beforeEach(() => {
    project = copyProject();
  });
  afterEach(() => project.remove());

  test('passes on the real tree and sees every page and component', () => {
    const { files, problems } = checkWxml(project.miniprogram);
    expect(problems).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'pages/home/index.wxml',
        'reading/article/index.wxml',
        'components/state-view/index.wxml',
        'components/article-blocks/index.wxml',
      ]),
    );
  });

  test('a mismatched closing tag fails with file:line:col', () => {
    project.edit('components/article-blocks/index.wxml', (wxml) =>
      wxml.replace('<text user-select>{{item.text}}</text>', '<text user-select>{{item.text}}</view>'),
    );
    const { problems } = checkWxml(project.miniprogram);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.file).toBe('components/article-blocks/index.wxml');
    expect(problem?.line).toBeGreaterThan(1);
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/end-tag/);
    expect(formatWxmlProblem(project.miniprogram, problem!)).toMatch(
      /components\/article-blocks\/index\.wxml:\d+:\d+: .*end-tag/,
    );
  });

  test('a broken expression fails, and the other files are still checked', () => {
    project.edit('pages/home/index.wxml', (wxml) => wxml.replace('{{banner.name}}', '{{banner.name + }}'));
    project.edit('reading/article/index.wxml', (wxml) => `${wxml}\n<view>\n`);
    const { problems } = checkWxml(project.miniprogram);
    expect(problems.map((problem) => problem.file).sort()).toEqual([
      'pages/home/index.wxml',
      'reading/article/index.wxml',
    ]);
  });
});
