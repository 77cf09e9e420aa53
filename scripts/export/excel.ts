/**
 * The Excel file (.xlsx, written with `exceljs`): sheet 心得, one row per reflection in any status, and sheet
 * 提交情况, one row per enrolled person with what they submitted (未提交 shaded, so nobody is overlooked).
 * Header rows bold and frozen, with a filter; times are real date cells. Layout only: rows come from results.ts.
 */
import ExcelJS from 'exceljs';
import { countGraphemes } from '../../miniprogram/lib/graphemes';
import { NOT_SUBMITTED, type ExportResults, type ReflectionRow, type SubmissionRow } from './results';

export const SHEETS = { reflections: '心得', submissions: '提交情况' } as const;

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** Cells sit at the top, beside the first line of a long text. */
const TOP: Partial<ExcelJS.Style> = { alignment: { vertical: 'top' } };
const CENTERED: Partial<ExcelJS.Style> = { alignment: { horizontal: 'center', vertical: 'top' } };
const DATE_STYLE: Partial<ExcelJS.Style> = { ...CENTERED, numFmt: DATE_FORMAT };
/** The 内容 column: 80 narrow characters wide, so about 34 Chinese ones a line (with room to spare). */
const CONTENT_WIDTH = 80;
const CONTENT_CHARS_PER_LINE = 34;
/** Points a line of text takes, and the tallest row Excel allows. */
const LINE_HEIGHT = 16;
const MAX_ROW_HEIGHT = 409;
/** A pale fill for people who submitted nothing (the text says 未提交 too, for a print in black and white). */
const NOT_SUBMITTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };

/** A column of a sheet whose rows are `Row`s: a key that is not a field of the row does not compile. */
interface ColumnOf<Row> {
  header: string;
  key: keyof Row & string;
  width: number;
  style?: Partial<ExcelJS.Style>;
}

/** A sheet of `rows`, under a bold header row that stays in view (frozen), carries a filter and is printed on every page. */
function addSheet<Row extends object>(
  book: ExcelJS.Workbook,
  name: string,
  columns: Array<ColumnOf<Row>>,
  rows: readonly Row[],
): ExcelJS.Row[] {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed: landscape, all columns on one page's width, the header on every page.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // null (no group) becomes an empty cell.
  return rows.map((row) => sheet.addRow(row));
}

/** Points of height the 内容 cell needs: each line of the text wrapped at the column's width. */
function contentHeight(content: string): number {
  const lines = content
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(countGraphemes(line) / CONTENT_CHARS_PER_LINE)), 0);
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

function reflectionsSheet(book: ExcelJS.Workbook, results: ExportResults): void {
  const rows = addSheet<ReflectionRow>(
    book,
    SHEETS.reflections,
    [
      { header: '组', key: 'groupNo', width: 6, style: CENTERED },
      { header: '标题', key: 'title', width: 28, style: TOP },
      { header: '作者', key: 'authorName', width: 10, style: TOP },
      { header: '单位', key: 'authorUnit', width: 24, style: TOP },
      { header: '专题/场次', key: 'session', width: 28, style: TOP },
      { header: '状态', key: 'status', width: 8, style: CENTERED },
      { header: '优秀', key: 'featured', width: 6, style: CENTERED },
      { header: '提交时间', key: 'submittedAt', width: 17, style: DATE_STYLE },
      { header: '字数', key: 'graphemes', width: 7, style: CENTERED },
      {
        header: '内容',
        key: 'content',
        width: CONTENT_WIDTH,
        style: { alignment: { wrapText: true, vertical: 'top' } },
      },
    ],
    results.reflectionRows,
  );
  // Rows tall enough for the whole text (spreadsheet programs do not all grow a wrapped row by themselves).
  rows.forEach((row, index) => {
    row.height = contentHeight(results.reflectionRows[index].content);
  });
}

function submissionsSheet(book: ExcelJS.Workbook, results: ExportResults): void {
  const rows = addSheet<SubmissionRow>(
    book,
    SHEETS.submissions,
    [
      { header: '组', key: 'groupNo', width: 6, style: CENTERED },
      { header: '姓名', key: 'name', width: 10 },
      { header: '单位', key: 'unit', width: 26 },
      { header: '职务', key: 'post', width: 20 },
      { header: '角色', key: 'role', width: 8, style: CENTERED },
      { header: '已提交', key: 'published', width: 8, style: CENTERED },
      { header: '待审核', key: 'pending', width: 8, style: CENTERED },
      { header: '最近提交时间', key: 'lastSubmitted', width: 17, style: DATE_STYLE },
    ],
    results.submissionRows,
  );
  results.submissionRows.forEach((person, index) => {
    if (person.lastSubmitted !== NOT_SUBMITTED) return;
    rows[index].eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = NOT_SUBMITTED_FILL;
    });
  });
}

export async function excelFile(results: ExportResults): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '履职学堂';
  book.title = results.title;
  reflectionsSheet(book, results);
  submissionsSheet(book, results);
  return Buffer.from(await book.xlsx.writeBuffer());
}
