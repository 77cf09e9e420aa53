/**
 * The local stand-in for WeChat's check: a plain word list (local/content-check/words.txt in the local
 * stack) that organisers can edit. Sections:
 *   [risky]    a text containing one of these is refused (CONTENT_REJECTED)
 *   [review]   a text containing one of these waits for a reviewer
 *   [error]    the checker fails (as when WeChat's service errs)
 *   [timeout]  the checker never answers in time
 * One word a line; blank lines and lines starting with # are ignored. Read on every check (the file is
 * small), so an edit applies at once.
 */
import { readFileSync } from 'node:fs';
import type { CheckVerdict } from './content-check';

type Section = 'risky' | 'review' | 'error' | 'timeout';
const SECTIONS: readonly Section[] = ['risky', 'review', 'error', 'timeout'];

export function parseWordList(source: string): Record<Section, string[]> {
  const lists: Record<Section, string[]> = { risky: [], review: [], error: [], timeout: [] };
  let section: Section | null = null;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = (SECTIONS as readonly string[]).includes(header[1]) ? (header[1] as Section) : null;
      continue;
    }
    if (section !== null) lists[section].push(line);
  }
  return lists;
}

/** How long the [timeout] answer keeps the caller waiting: longer than any check timeout. */
const NEVER_MS = 60_000;

export async function checkWithWordList(file: string, part: string): Promise<CheckVerdict> {
  const lists = parseWordList(readFileSync(file, 'utf8'));
  const found = (section: Section): string | undefined => lists[section].find((word) => part.includes(word));
  const timeoutWord = found('timeout');
  if (timeoutWord !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, NEVER_MS).unref());
    return { suggest: 'pass', label: '', checker: 'words' };
  }
  const errorWord = found('error');
  if (errorWord !== undefined) throw new Error(`本地词表检查失败（${errorWord}）`);
  for (const suggest of ['risky', 'review'] as const) {
    const word = found(suggest);
    if (word !== undefined) return { suggest, label: word, checker: 'words' };
  }
  return { suggest: 'pass', label: '', checker: 'words' };
}
