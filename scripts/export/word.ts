/**
 * The Word file (.docx, written with `docx`): the title with the course and its dates, then per group a
 * heading 第 N 组 and its published reflections, featured first and marked 优秀, each with its author,
 * session, date and full text. Layout only: what goes in is decided by results.ts.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { FEATURED_MARK, type ExportResults, type WordEntry, type WordGroup } from './results';

/** 宋体 for Chinese, as official documents are set; Word substitutes where it is missing. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };
/** Half-points: 小四 (12 pt) for the text. */
const BODY_SIZE = 24;
export const EMPTY_GROUP = '本组暂无已发布的研讨成果。';

function line(label: string, value: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)],
  });
}

function entryParagraphs(entry: WordEntry): Paragraph[] {
  const title = [new TextRun(entry.title)];
  if (entry.featured) title.push(new TextRun({ text: `【${FEATURED_MARK}】`, color: 'C00000' }));
  const author = entry.authorUnit === '' ? entry.authorName : `${entry.authorName}（${entry.authorUnit}）`;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: title }),
    line('作者', author),
    ...(entry.session === '' ? [] : [line('专题', entry.session)]),
    line('时间', entry.date),
    // Two characters of first-line indent, as Chinese text is set (in characters for Word, in twips for others).
    ...entry.paragraphs.map(
      (text) =>
        new Paragraph({
          children: [new TextRun(text)],
          indent: { firstLineChars: 200, firstLine: 2 * BODY_SIZE * 10 },
          spacing: { line: 360 },
        }),
    ),
  ];
}

function groupParagraphs(group: WordGroup): Paragraph[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, text: `第 ${group.groupNo} 组` });
  if (group.entries.length === 0) return [heading, new Paragraph(EMPTY_GROUP)];
  return [heading, ...group.entries.flatMap(entryParagraphs)];
}

export async function wordFile(results: ExportResults): Promise<Buffer> {
  const cover = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: results.title }),
    ...[results.courseName, results.dates]
      .filter((text) => text !== '')
      .map((text) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: 28 })] })),
  ];
  const document = new Document({
    title: results.title,
    creator: '履职学堂',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE } },
        title: { run: { font: HEADING_FONT, size: 44, bold: true } },
        heading1: {
          run: { font: HEADING_FONT, size: 32, bold: true },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 28, bold: true },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
      },
    },
    sections: [{ children: [...cover, ...results.groups.flatMap(groupParagraphs)] }],
  });
  return Packer.toBuffer(document);
}
