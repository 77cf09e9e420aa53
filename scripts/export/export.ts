/**
 * `npm run export:reflections`: read the course's reflections and enrolments, lay out the Word and Excel
 * files, then write both into the output folder. Both files are made in memory first, so a failure (a group
 * the course does not have, a database that does not answer) leaves nothing half written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { excelFile } from './excel';
import { readSources } from './read';
import { EXPORT_TITLE, exportResults, NOT_SUBMITTED } from './results';
import { UsageError, type ExportArguments } from './arguments';
import { wordFile } from './word';

export interface ExportReport {
  files: { word: string; excel: string };
  /** What the command prints, one line each. */
  lines: string[];
}

export async function exportReflections(app: tcb.CloudBase, options: ExportArguments): Promise<ExportReport> {
  const sources = await readSources(app, options.groupNo);
  const groupCount = sources.training?.groupCount ?? null;
  if (options.groupNo !== null && groupCount !== null && options.groupNo > groupCount) {
    throw new UsageError(`本班只有 ${groupCount} 个组，没有第 ${options.groupNo} 组`);
  }
  const results = exportResults(sources);
  const [word, excel] = await Promise.all([wordFile(results), excelFile(results)]);
  const base = path.join(
    options.outDir,
    options.groupNo === null ? EXPORT_TITLE : `${EXPORT_TITLE}-第${options.groupNo}组`,
  );
  const files = { word: `${base}.docx`, excel: `${base}.xlsx` };
  await mkdir(options.outDir, { recursive: true });
  await writeFile(files.word, word);
  await writeFile(files.excel, excel);
  const published = results.groups.reduce((sum, group) => sum + group.entries.length, 0);
  const silent = results.submissionRows.filter((row) => row.lastSubmitted === NOT_SUBMITTED).length;
  return {
    files,
    lines: [
      `心得 ${results.reflectionRows.length} 篇，其中已发布 ${published} 篇（写入 Word）`,
      `报名 ${results.submissionRows.length} 人，其中未提交 ${silent} 人`,
      `已写入 ${files.word}`,
      `已写入 ${files.excel}`,
    ],
  };
}
