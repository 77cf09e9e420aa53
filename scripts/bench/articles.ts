/**
 * `npm run bench` — articles: what readers pay for the course report and for the list.
 *   get bytes     the envelope `get` returns for the report  vs  the report's raw Markdown   target ≤ 1.3×
 *   setData       the largest single setData of the article page showing it                   target ≤ 32 KB
 *   WXML nodes    the article page's rendered nodes                                          target ≤ 400
 *   list p50      `list` (first page) at 100 and at 10,000 published articles                target: 10,000 ≤ 1.5 × 100
 * Functions run in-process against a fresh emulator through the real node-sdk (as the tests do); the page
 * is measured by tests/pages/bench/article-page-size.test.ts under miniprogram-simulate (jest).
 * Answers whether every target was met.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withReaderFields } from '../../core/articles/admin';
import { COLLECTIONS } from '../../core/database/collections';
import type { Database } from '../../core/runtime/cloud';
import { createLocalCloudApp, useLocalCloudEnvironment } from '../../local/emulator/client';
import { startEmulator } from '../../local/emulator/index';
import { seedDatabase } from '../../local/seed';
import { loadSeedArticles } from '../../seed/articles';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const REPORT_MD = path.join(PROJECT_ROOT, 'seed', 'articles', 'xinyang-training-report.md');
const RUNS = 41;
const BATCH = 500;

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

interface Row {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

/** A fresh emulator that the function's cloud app talks to, for the length of `run`. */
async function withEmulator<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-articles-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  const restoreEnvironment = useLocalCloudEnvironment(emulator.url);
  try {
    return await run(createLocalCloudApp(emulator.url).database());
  } finally {
    restoreEnvironment();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Median milliseconds of `list` (default page), after a few warm-up calls. */
async function listP50(main: Main): Promise<number> {
  for (let i = 0; i < 5; i += 1) await main({ action: 'list' }, {});
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await main({ action: 'list' }, {});
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** `count` published copies of the report (as written through the function), then list's p50. */
async function listAt(count: number, main: Main): Promise<number> {
  return withEmulator(async (db) => {
    const template = loadSeedArticles()[0];
    const start = Date.parse('2024-11-26T00:00:00Z');
    for (let from = 0; from < count; from += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, count - from) }, (_, offset) => {
        const index = from + offset;
        return withReaderFields({
          ...template,
          _id: `bench-${String(index).padStart(6, '0')}`,
          title: `${template.title}（${index}）`,
          publishedTime: new Date(start + index * 60_000).toISOString(),
        });
      });
      await db.collection(COLLECTIONS.articles).add(docs);
    }
    return listP50(main);
  });
}

/** The article page's largest setData and node count, measured under miniprogram-simulate (a jest run). */
function measurePage(answer: unknown): { largestSetData: number; nodes: number } {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-page-'));
  try {
    const input = path.join(work, 'article.json');
    const output = path.join(work, 'page.json');
    writeFileSync(input, JSON.stringify(answer));
    execFileSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--silent', 'tests/pages/bench/article-page-size.test.ts'],
      { cwd: PROJECT_ROOT, env: { ...process.env, BENCH_ARTICLE_IN: input, BENCH_ARTICLE_OUT: output }, stdio: 'pipe' },
    );
    return JSON.parse(readFileSync(output, 'utf8')) as { largestSetData: number; nodes: number };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchArticles(): Promise<boolean> {
  const { main } = await import('../../cloudfunctions/articles/index');
  const rows: Row[] = [];

  const answer = await withEmulator(async (db) => {
    await seedDatabase(db);
    return main({ action: 'get', id: loadSeedArticles()[0]._id }, {});
  });
  const getBytes = Buffer.byteLength(JSON.stringify(answer));
  const rawBytes = Buffer.byteLength(readFileSync(REPORT_MD, 'utf8'));
  const ratio = getBytes / rawBytes;
  rows.push({
    what: 'get: report bytes vs raw text',
    value: `${getBytes} B / ${rawBytes} B = ${ratio.toFixed(2)}×`,
    target: '≤ 1.3×',
    ok: ratio <= 1.3,
  });

  const page = measurePage(answer);
  rows.push({
    what: 'article page: largest setData',
    value: `${(page.largestSetData / 1024).toFixed(1)} KB`,
    target: '≤ 32 KB',
    ok: page.largestSetData <= 32 * 1024,
  });
  rows.push({ what: 'article page: WXML nodes', value: String(page.nodes), target: '≤ 400', ok: page.nodes <= 400 });

  const small = await listAt(100, main);
  const large = await listAt(10_000, main);
  rows.push({ what: 'list p50 at 100 published', value: `${small.toFixed(2)} ms`, target: '', ok: true });
  rows.push({
    what: 'list p50 at 10,000 published',
    value: `${large.toFixed(2)} ms (${(large / small).toFixed(2)}×)`,
    target: '≤ 1.5 × the 100 figure',
    ok: large <= small * 1.5,
  });

  console.log('\narticles');
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => [row.what, row.value, row.target][column].length)),
  );
  for (const row of rows) {
    const cells = [row.what, row.value, row.target].map((cell, column) => cell.padEnd(widths[column]));
    console.log(`${cells.join('  ')}  ${row.ok ? 'PASS' : 'FAIL'}`);
  }
  return rows.every((row) => row.ok);
}
