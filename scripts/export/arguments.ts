/**
 * The command line of `npm run export:reflections -- [--group N] [--out 文件夹]`, read before anything is
 * connected or written: a mistake is named in Chinese (the command then exits with 2).
 */
import path from 'node:path';
import { MAX_GROUP_NO } from '../../core/trainees/read-stored';

export const USAGE = '用法：npm run export:reflections -- [--group 组号] [--out 文件夹]';
export const DEFAULT_OUT_DIR = path.join('dist', 'exports');

export interface ExportArguments {
  /** Only this group; null: every group. */
  groupNo: number | null;
  outDir: string;
}

export class UsageError extends Error {}

function groupOf(value: string): number {
  const groupNo = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(groupNo) || groupNo < 1 || groupNo > MAX_GROUP_NO) {
    throw new UsageError(`--group 应为组号（1 到 ${MAX_GROUP_NO} 的整数），收到“${value}”`);
  }
  return groupNo;
}

export function parseExportArguments(argv: readonly string[]): ExportArguments {
  const parsed: ExportArguments = { groupNo: null, outDir: DEFAULT_OUT_DIR };
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inline] = argument.startsWith('--') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    if (flag !== '--group' && flag !== '--out') {
      throw new UsageError(argument.startsWith('-') ? `不认识的选项 ${flag}` : `多余的参数“${argument}”`);
    }
    if (seen.has(flag)) throw new UsageError(`${flag} 只能写一次`);
    seen.add(flag);
    const value = inline ?? argv[++index];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} 后面缺少${flag === '--group' ? '组号' : '文件夹'}`);
    }
    if (flag === '--group') parsed.groupNo = groupOf(value);
    else parsed.outDir = value;
  }
  return parsed;
}
