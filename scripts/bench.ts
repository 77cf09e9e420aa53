/**
 * `npm run bench`: the speed and size targets of the project, one benchmark a module in scripts/bench/.
 * Add one with a line in BENCHMARKS. Exits 1 when a target is missed, so CI can run it.
 */
import { benchArticles } from './bench/articles';
import { benchBundles } from './bench/bundles';
import { benchIndexes } from './bench/indexes';
import { benchReflections } from './bench/reflections';

const BENCHMARKS: Array<[name: string, run: () => Promise<boolean>]> = [
  ['function bundles', benchBundles],
  ['emulator indexes', benchIndexes],
  ['articles', benchArticles],
  ['reflections', benchReflections],
];

async function main(): Promise<void> {
  const failed: string[] = [];
  for (const [name, run] of BENCHMARKS) {
    console.log(`\n== ${name}`);
    if (!(await run())) failed.push(name);
  }
  if (failed.length > 0) {
    console.log(`\ntargets missed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
