// `npm run export:reflections` against a fresh emulator through the real node-sdk: people enrolled, reflections
// submitted and moderated through the reflections function, the export run, then both files READ BACK
// (exceljs reads the workbook; word/document.xml is unzipped and its paragraphs read in order).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { COLLECTIONS } from '../../core/database/collections';
import { exportReflections } from '../../scripts/export/export';
import { readAll } from '../../scripts/export/read';
import { UsageError } from '../../scripts/export/arguments';
import { CONTENT, MARK, okAs, submitAs, useCourseEmulator } from './reflections/support';

const ROOT = path.resolve(__dirname, '..', '..');
const AUTHOR = 'exp-author-g1';
const LEADER = 'exp-leader-g1';
const SILENT = 'exp-silent-g1';
const OTHER = 'exp-author-g2';

const env = useCourseEmulator([
  [AUTHOR, 1, 'trainee', '示例学员甲'],
  [LEADER, 1, 'leader', '示例组长乙'],
  [SILENT, 1, 'trainee', '示例学员丙'],
  [OTHER, 2, 'trainee', '示例学员丁'],
]);

let outDir: string;
const titles = { first: '', featured: '', hidden: '', withdrawn: '', pending: '', other: '' };

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'export-'));
  // The seeded course's group discussion (found in memory: the sessions have no index on kind, nor need one).
  const sessions = (await env().db.collection(COLLECTIONS.trainingSessions).limit(100).get()).data as Array<{
    _id: string;
    kind: string;
  }>;
  const discussion = sessions.find((session) => session.kind === 'discussion')!;
  const first = await submitAs(AUTHOR, { title: '第一篇心得', content: `${CONTENT}\n第二段：回去后抓好落实。` });
  const featured = await submitAs(LEADER, { title: '组长的研讨发言', sessionId: discussion._id });
  await okAs(LEADER, { action: 'feature', id: featured.id });
  const hidden = await submitAs(AUTHOR, { title: '被隐藏的心得' });
  await okAs(LEADER, { action: 'hide', id: hidden.id });
  const withdrawn = await submitAs(AUTHOR, { title: '撤回的心得' });
  await okAs(AUTHOR, { action: 'withdraw', id: withdrawn.id });
  const pending = await submitAs(AUTHOR, { title: '待审的心得', content: `${CONTENT}${MARK.review}` });
  const other = await submitAs(OTHER, { title: '二组的心得' });
  expect([first, featured, other].map((item) => item.status)).toEqual(['published', 'published', 'published']);
  expect(pending.status).toBe('pending');
  Object.assign(titles, {
    first: first.title,
    featured: featured.title,
    hidden: hidden.title,
    withdrawn: withdrawn.title,
    pending: pending.title,
    other: other.title,
  });
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

/** The text of each paragraph of word/document.xml, in order. */
async function wordParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''),
  );
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** A sheet's rows as arrays of cell values (column 1 first). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('export:reflections', () => {
  it('writes the Word file: course title, 第 N 组 per group, published only, featured first and marked 优秀', async () => {
    const warningsBefore = env().warnings.length;
    const report = await exportReflections(env().app, { groupNo: null, outDir });
    expect(env().warnings.slice(warningsBefore)).toEqual([]);
    expect(report.files).toEqual({
      word: path.join(outDir, '分组研讨成果.docx'),
      excel: path.join(outDir, '分组研讨成果.xlsx'),
    });
    expect(report.lines).toEqual([
      '心得 6 篇，其中已发布 3 篇（写入 Word）',
      '报名 4 人，其中未提交 1 人',
      `已写入 ${report.files.word}`,
      `已写入 ${report.files.excel}`,
    ]);

    const text = await wordParagraphs(report.files.word);
    expect(text.slice(0, 3)).toEqual([
      '分组研讨成果',
      '信阳全市县乡人大干部履职能力提升培训班',
      '2024年11月18日至20日',
    ]);
    const headings = text.filter((line) => /^第 \d+ 组$/.test(line));
    expect(headings).toEqual(Array.from({ length: 10 }, (_x, index) => `第 ${index + 1} 组`));
    const at = (line: string) => text.indexOf(line);
    // Group 1: the featured one first (marked), then the first; group 2 its own; group 3 says it has none.
    expect(at(`${titles.featured}【优秀】`)).toBeGreaterThan(at('第 1 组'));
    expect(at(titles.first)).toBeGreaterThan(at(`${titles.featured}【优秀】`));
    expect(at(titles.first)).toBeLessThan(at('第 2 组'));
    expect(at(titles.other)).toBeGreaterThan(at('第 2 组'));
    expect(text[at('第 3 组') + 1]).toBe('本组暂无已发布的研讨成果。');
    for (const absent of [titles.hidden, titles.withdrawn, titles.pending]) {
      expect(text.some((line) => line.includes(absent))).toBe(false);
    }
    // The entry's author and unit, session, Shanghai date, then its text paragraph by paragraph.
    const entry = text.slice(at(titles.first) + 1, at(titles.first) + 6);
    expect(entry[0]).toBe('作者：示例学员甲（示例单位）');
    expect(entry[1]).toMatch(/^专题：/);
    expect(entry[2]).toMatch(/^时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(entry.slice(3)).toEqual([CONTENT, '第二段：回去后抓好落实。']);
    expect(text[at(`${titles.featured}【优秀】`) + 2]).toMatch(/^专题：分组研讨/);
  });

  it('writes the Excel file: 心得 with every reflection and its status; 提交情况 with everyone, 未提交 visible', async () => {
    const book = await workbook(path.join(outDir, '分组研讨成果.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['心得', '提交情况']);

    const reflections = book.getWorksheet('心得')!;
    const rows = rowsOf(reflections);
    expect(rows[0]).toEqual(['组', '标题', '作者', '单位', '专题/场次', '状态', '优秀', '提交时间', '字数', '内容']);
    expect(reflections.getRow(1).font).toMatchObject({ bold: true });
    expect(reflections.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const byTitle = new Map(rows.slice(1).map((row) => [row[1], row]));
    expect(rows).toHaveLength(7);
    expect(byTitle.get(titles.featured)?.slice(0, 7)).toEqual([
      1,
      titles.featured,
      '示例组长乙',
      '示例单位',
      expect.stringContaining('分组研讨'),
      '已发布',
      '优秀',
    ]);
    expect(byTitle.get(titles.hidden)?.[5]).toBe('已隐藏');
    expect(byTitle.get(titles.withdrawn)?.[5]).toBe('已撤回');
    expect(byTitle.get(titles.pending)?.[5]).toBe('待审核');
    expect(byTitle.get(titles.other)?.[0]).toBe(2);
    const first = byTitle.get(titles.first)!;
    // A real date cell (exceljs reads it back as a Date), the count in graphemes, the full text.
    expect(first[7]).toBeInstanceOf(Date);
    expect(reflections.getColumn(8).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first[8]).toBe(Array.from(`${CONTENT}\n第二段：回去后抓好落实。`).length);
    expect(first[9]).toBe(`${CONTENT}\n第二段：回去后抓好落实。`);
    // Its row is tall enough for the two lines of the text (wrapped cells do not grow by themselves everywhere).
    const firstRow = reflections.getRow(rows.indexOf(first) + 1);
    expect(firstRow.getCell(2).value).toBe(titles.first);
    expect(firstRow.height).toBeGreaterThanOrEqual(2 * 16);

    const submissions = book.getWorksheet('提交情况')!;
    const people = rowsOf(submissions);
    expect(people[0]).toEqual(['组', '姓名', '单位', '职务', '角色', '已提交', '待审核', '最近提交时间']);
    expect(submissions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const byName = new Map(people.slice(1).map((row) => [row[1], row]));
    expect(byName.get('示例学员甲')?.slice(4, 7)).toEqual(['学员', 1, 1]);
    expect(byName.get('示例学员甲')?.[7]).toBeInstanceOf(Date);
    expect(byName.get('示例组长乙')?.slice(4, 7)).toEqual(['组长', 1, 0]);
    expect(byName.get('示例学员丙')?.slice(5, 8)).toEqual([0, 0, '未提交']);
    // The row of someone who submitted nothing is shaded, every cell of it; the others are not.
    const shaded = (name: string) => {
      const row = submissions.getRow(people.findIndex((values) => values[1] === name) + 1);
      return [1, 2, 3, 4, 5, 6, 7, 8].every((column) => {
        const fill = row.getCell(column).fill;
        return fill?.type === 'pattern' && fill.pattern === 'solid';
      });
    };
    expect([shaded('示例学员丙'), shaded('示例学员甲')]).toEqual([true, false]);
    expect(reflections.getColumn(10).width).toBe(80);
    expect(byName.get('示例学员丁')?.[0]).toBe(2);
  });

  it('--group 2: only that group, in files named for it', async () => {
    const report = await exportReflections(env().app, { groupNo: 2, outDir });
    expect(report.files.word).toBe(path.join(outDir, '分组研讨成果-第2组.docx'));
    const text = await wordParagraphs(report.files.word);
    expect(text.filter((line) => /^第 \d+ 组$/.test(line))).toEqual(['第 2 组']);
    expect(text).toContain(titles.other);
    expect(text).not.toContain(titles.first);
    const book = await workbook(report.files.excel);
    expect(
      rowsOf(book.getWorksheet('心得')!)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual([titles.other]);
    expect(
      rowsOf(book.getWorksheet('提交情况')!)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(['示例学员丁']);
  });

  it('a group the course does not have is refused, nothing written', async () => {
    const elsewhere = path.join(outDir, 'eleven');
    await expect(exportReflections(env().app, { groupNo: 11, outDir: elsewhere })).rejects.toThrow(
      new UsageError('本班只有 10 个组，没有第 11 组'),
    );
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('reads page by page in _id order (here 2 a page), every document once, through indexed queries', async () => {
    const before = env().warnings.length;
    const all = (await readAll(env().db, COLLECTIONS.reflections, {}, 2)) as Array<{ _id: string }>;
    const ids = all.map((doc) => doc._id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toEqual([...ids].sort());
    expect(await readAll(env().db, COLLECTIONS.reflections, { groupNo: 2 }, 1)).toHaveLength(1);
    expect(env().warnings.slice(before)).toEqual([]);
  });
});

describe('the command', () => {
  /** The command in its own process (asynchronously: the emulator it talks to runs in this one). */
  function run(
    args: string[],
    extraEnv: Record<string, string>,
  ): Promise<{ status: number; stdout: string; stderr: string }> {
    const cli = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const options = {
      cwd: ROOT,
      encoding: 'utf8' as const,
      env: { ...process.env, TCB_ENV: '', ...extraEnv },
      timeout: 60_000,
    };
    return new Promise((resolve) => {
      execFile(process.execPath, [cli, 'scripts/export-reflections.ts', ...args], options, (error, stdout, stderr) => {
        resolve({ status: error === null ? 0 : Number(error.code), stdout, stderr });
      });
    });
  }

  it('exports from the local stack it finds at TCB_SERVICE_URL', async () => {
    const out = path.join(outDir, 'cli');
    const result = await run(['--out', out], { TCB_SERVICE_URL: env().url });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`从本地环境 ${env().url} 导出`);
    expect(existsSync(path.join(out, '分组研讨成果.docx'))).toBe(true);
    expect(existsSync(path.join(out, '分组研讨成果.xlsx'))).toBe(true);
  });

  it.each([
    [['--group', '0'], '--group 应为组号'],
    [['--group', 'abc'], '收到“abc”'],
    [['--format', 'pdf'], '不认识的选项 --format'],
  ])('%j: a Chinese message, exit code 2, nothing written', async (args, message) => {
    const out = path.join(outDir, 'refused');
    const result = await run([...args, '--out', out], { TCB_SERVICE_URL: env().url });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('用法：npm run export:reflections');
    expect(existsSync(out)).toBe(false);
  });

  it('with no local stack running, says to run npm start', async () => {
    const port = await closedPort();
    const out = path.join(outDir, 'no-stack');
    const result = await run(['--out', out], { TCB_SERVICE_URL: '', EMULATOR_PORT: String(port) });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('导出失败：连不上本地环境，请先在另一个终端运行 npm start\n');
    expect(existsSync(out)).toBe(false);
  });
});

/** A port nothing listens on: one the OS gave out and that was closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
