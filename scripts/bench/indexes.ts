/**
 * Indexed reads in the emulator: an equality + sort query served by a declared index should touch only
 * the documents it returns, so its time barely grows with the collection. Measured through the real
 * node-sdk (as the functions query), median of RUNS, at 1,000 and at 100,000 documents.
 * Target: the query at 100,000 documents within 2x of the same at 1,000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator } from '../../local/emulator/index';

const RUNS = 41;
const TARGET_RATIO = 2;
const GROUPS = 20;

async function medianQueryMs(documents: number): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-bench-indexes-'));
  const emulator = await startEmulator({
    dataDir,
    declaration: [
      {
        name: 'bench_reflections',
        indexes: [
          {
            name: 'group_created',
            keys: [
              { field: 'groupNo', direction: 1 },
              { field: 'createdAt', direction: -1 },
            ],
            unique: false,
          },
        ],
      },
    ],
  });
  try {
    const collection = createLocalCloudApp(emulator.url).database().collection('bench_reflections');
    for (let start = 0; start < documents; start += 1000) {
      await collection.add(
        Array.from({ length: Math.min(1000, documents - start) }, (_x, offset) => ({
          groupNo: (start + offset) % GROUPS,
          createdAt: new Date(Date.UTC(2024, 10, 18) + (start + offset) * 1000),
          text: '示例心得',
        })),
      );
    }
    const query = () => collection.where({ groupNo: 7 }).orderBy('createdAt', 'desc').limit(20).get();
    for (let i = 0; i < 5; i++) await query(); // warm up (the index is sorted on first use)
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      const result = await query();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.data.length !== 20) throw new Error(`expected 20 documents, got ${result.data.length}`);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  } finally {
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the measurement; false when the target is missed. */
export async function benchIndexes(): Promise<boolean> {
  const small = await medianQueryMs(1_000);
  const large = await medianQueryMs(100_000);
  const ratio = large / small;
  const passed = ratio <= TARGET_RATIO;
  console.log(
    `\nemulator index: where({groupNo}).orderBy(createdAt desc).limit(20) through node-sdk, median of ${RUNS}: ` +
      `${small.toFixed(2)} ms at 1,000 docs, ${large.toFixed(2)} ms at 100,000 docs — ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${passed ? 'PASS' : 'FAIL'}`,
  );
  return passed;
}

if (require.main === module) {
  void benchIndexes().then((passed) => process.exit(passed ? 0 : 1));
}
