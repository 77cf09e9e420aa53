// The console-import files carry the same documents the local stack seeds, one JSON document a line.
import { consoleImportFiles, toJsonLines } from '../../../scripts/export-console-import';

test('every collection the functions read has a file, each line a document with its _id', () => {
  const files = consoleImportFiles(new Date('2026-01-01T00:00:00Z'));
  expect(Object.keys(files).sort()).toEqual(['articles', 'training_materials', 'training_sessions', 'trainings']);
  for (const documents of Object.values(files)) {
    const lines = toJsonLines(documents).trimEnd().split('\n');
    expect(lines).toHaveLength(documents.length);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('_id');
  }
  const titles = files.articles!.map((doc) => (doc as { title: string }).title);
  expect(titles).toContain('信阳人大:为高水平履职“充电赋能”——全市县乡人大干部履职能力提升培训班侧记');
  const body = (files.articles![0] as { body: string }).body;
  expect(body).toContain('## 精准选课');
});
